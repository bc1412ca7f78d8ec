using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using GrpcMethodType = Grpc.Core.MethodType;

namespace Participatie.Gateway.Errors;

/// <summary>
/// Binds the methods of a gRPC service the way grpc-dotnet's own binder does — through the generated
/// <c>BindService</c> named by <see cref="BindServiceMethodAttribute"/> — but with a request marshaller that answers
/// bytes protobuf cannot parse (invalid UTF-8, a truncated message, a malformed tag) with INVALID_ARGUMENT and a
/// BadRequest, as any other bad input. grpc-dotnet reads the request before the first interceptor runs, so without
/// this such bytes surface as UNKNOWN "Exception was thrown by handler".
/// </summary>
internal sealed class ParsingMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        // The generated base class carries the attribute; BindService takes an instance of that base class.
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                var bindMethod = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{bind.BindType} has no {bind.BindMethodName}(ServiceBinderBase, {type.Name}).");
                bindMethod.Invoke(null, [new Binder(context), null]);
                return;
            }
        }
    }

    /// <summary>Receives each generated method and adds it, with the parsing marshaller, to the endpoint model.</summary>
    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Parsing(method), Metadata(method, out var handlerMethod),
                Invoker<Grpc.AspNetCore.Server.Model.UnaryServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Parsing(method), Metadata(method, out var handlerMethod),
                Invoker<Grpc.AspNetCore.Server.Model.ServerStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Parsing(method), Metadata(method, out var handlerMethod),
                Invoker<Grpc.AspNetCore.Server.Model.ClientStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Parsing(method), Metadata(method, out var handlerMethod),
                Invoker<Grpc.AspNetCore.Server.Model.DuplexStreamingServerMethod<TService, TRequest, TResponse>>(handlerMethod));

        /// <summary>The service's attributes and the implementing method's, as endpoint metadata (authorization, CORS…).</summary>
        private static List<object> Metadata<TRequest, TResponse>(Method<TRequest, TResponse> method, out MethodInfo handlerMethod)
        {
            var parameters = method.Type switch
            {
                GrpcMethodType.Unary => new[] { typeof(TRequest), typeof(ServerCallContext) },
                GrpcMethodType.ServerStreaming => [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)],
                GrpcMethodType.ClientStreaming => [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)],
                _ => [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)],
            };
            handlerMethod = typeof(TService).GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService)} has no method {method.Name} for {method.FullName}.");
            var metadata = new List<object>(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handlerMethod.GetCustomAttributes(inherit: true));
            return metadata;
        }

        /// <summary>An open-instance delegate: gRPC passes the service instance it activated for the call.</summary>
        private static TDelegate Invoker<TDelegate>(MethodInfo handlerMethod)
            where TDelegate : Delegate =>
            (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handlerMethod);
    }

    private static Method<TRequest, TResponse> Parsing<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var original = method.RequestMarshaller;
        var marshaller = Marshallers.Create(original.ContextualSerializer, context =>
        {
            try
            {
                return original.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException exception)
            {
                throw Unparseable(typeof(TRequest).Name, exception);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }

    /// <summary>
    /// INVALID_ARGUMENT naming no field (the bytes are not a message at all), with protobuf's reason, which describes
    /// the bytes and never echoes them.
    /// </summary>
    private static RpcException Unparseable(string messageName, InvalidProtocolBufferException exception) =>
        new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request is not a valid {messageName} in protobuf encoding.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = "", Description = Describe(exception) } },
                }),
            },
        }.ToRpcException();

    private static string Describe(InvalidProtocolBufferException exception)
    {
        var reason = exception.Message.ReplaceLineEndings(" ");
        return reason.Length <= 300 ? reason : reason[..300];
    }
}

/// <summary>Puts <see cref="ParsingMethodProvider{TService}"/> in the place of grpc-dotnet's default binder.</summary>
internal static class ParsingMethodProviderRegistration
{
    private const string DefaultProviderName = "BinderServiceMethodProvider`1";

    public static IServiceCollection UseParsingMethodProvider(this IServiceCollection services)
    {
        var defaults = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == DefaultProviderName).ToList();
        if (defaults.Count == 0)
        {
            // A new grpc-dotnet that binds differently: fail at start rather than bind every method twice.
            throw new InvalidOperationException($"grpc-dotnet's {DefaultProviderName} was not registered; {nameof(ParsingMethodProvider<object>)} needs revisiting.");
        }

        foreach (var descriptor in defaults)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(ParsingMethodProvider<>));
        return services;
    }
}
