using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Participatie.Contracts.V1;

namespace Participatie.Fuzz.Tests.Rpcs;

/// <summary>One RPC of the public contract, callable with raw bytes under its real full name.</summary>
public sealed record Rpc(ServiceDescriptor Service, MethodDescriptor Descriptor, Method<byte[], byte[]> Method)
{
    /// <summary>These verbs only read (AIP naming), so even a successful call must leave the platform unchanged.</summary>
    private static readonly string[] ReadVerbs = ["Get", "List", "Search", "Query", "Export", "Ping", "Watch"];

    /// <summary>participatie.v1.ClientService/GetClient.</summary>
    public string FullName => $"{Service.FullName}/{Descriptor.Name}";

    public MessageDescriptor Input => Descriptor.InputType;

    public MessageDescriptor Output => Descriptor.OutputType;

    /// <summary>A server stream that sends the current state at once and then each change until the caller ends it.</summary>
    public bool IsWatch => Descriptor.IsServerStreaming && Descriptor.Name.StartsWith("Watch", StringComparison.Ordinal);

    public bool IsRead => ReadVerbs.Any(verb => Descriptor.Name.StartsWith(verb, StringComparison.Ordinal));

    public override string ToString() => FullName;
}

/// <summary>
/// Every RPC of every service in the generated contract (<c>Participatie.Contracts.V1</c>), found through the
/// descriptors of the assembly's proto files, so an RPC added later is fuzzed without touching the tests.
/// grpc.health and reflection are other packages and never listed.
/// </summary>
public static class RpcCatalog
{
    public const string ContractNamespace = "Participatie.Contracts.V1";
    public const string ContractPackagePrefix = "participatie.";

    /// <summary>RPCs left out of fuzzing, each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
    {
        // A valid request opens a stream that sends nothing until the coach's inbox gets an item, which this suite's "one
        // call, one outcome" cannot judge; its bad input is checked by FollowUpServiceTests in the gateway tests. (Other
        // watches send their current state at once: their first message is their outcome, see RawCall.)
        ["participatie.v1.CoachService/WatchInbox"] = "a watch stays open until the caller ends it",
    };

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <summary>The contract's proto files, from the generated <c>…Reflection.Descriptor</c> of each.</summary>
    public static IReadOnlyList<FileDescriptor> Files { get; } = typeof(AdminService).Assembly.GetTypes()
        .Where(type => type.Namespace == ContractNamespace)
        .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
        .Where(property => property?.PropertyType == typeof(FileDescriptor))
        .Select(property => (FileDescriptor)property!.GetValue(null)!)
        .Where(file => file.Package.StartsWith(ContractPackagePrefix, StringComparison.Ordinal))
        .DistinctBy(file => file.Name)
        .OrderBy(file => file.Name, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<ServiceDescriptor> Services { get; } = Files.SelectMany(file => file.Services).ToList();

    /// <summary>Every RPC of every service, excluded ones included.</summary>
    public static IReadOnlyList<Rpc> All { get; } = Services
        .SelectMany(service => service.Methods.Select(method => new Rpc(service, method, new Method<byte[], byte[]>(TypeOf(method), service.FullName, method.Name, Raw, Raw))))
        .ToList();

    /// <summary>The RPCs that are fuzzed.</summary>
    public static IReadOnlyList<Rpc> Fuzzed { get; } = All.Where(rpc => !Excluded.ContainsKey(rpc.FullName)).ToList();

    public static Rpc Find(string fullName) => All.Single(rpc => rpc.FullName == fullName);

    private static MethodType TypeOf(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        _ => MethodType.DuplexStreaming,
    };
}
