using System.Threading.RateLimiting;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Participatie.Gateway.Security;

/// <summary>
/// How much one caller may ask (configuration section <c>RateLimits</c>). Token buckets per principal (role and
/// subject) for reads and for writes, a cap on the streams a principal holds open, and a token bucket per client
/// address for every call, credentials or not — so neither one caller nor someone without credentials can take the
/// platform from everyone else. A call over a limit is answered RESOURCE_EXHAUSTED with a RetryInfo (HTTP 429 with
/// Retry-After in JSON) before it reaches any service, the audit or a grain.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only for load tests that measure the platform itself (documented in tests/perf).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Reads one principal may make per second, sustained.</summary>
    public int ReadsPerSecond { get; set; } = 50;

    /// <summary>Reads one principal may make at once after a quiet spell (a coach opening a page of twenty people).</summary>
    public int ReadBurst { get; set; } = 200;

    /// <summary>Changes one principal may make per second, sustained.</summary>
    public int WritesPerSecond { get; set; } = 10;

    /// <summary>Changes one principal may make at once (an import of a week of hours).</summary>
    public int WriteBurst { get; set; } = 100;

    /// <summary>
    /// Changes one admin may make per second: an admin's bulk work (an import of a municipality's people, a seed, a
    /// hand-over) is legitimate and runs at 10 a second for hours otherwise. Admin tokens are few, and every change is
    /// audited under the admin's name.
    /// </summary>
    public int AdminWritesPerSecond { get; set; } = 200;

    /// <summary>Changes one admin may make at once.</summary>
    public int AdminWriteBurst { get; set; } = 1_000;

    /// <summary>Streams (an inbox, a neighbourhood's figures, an export) one principal may hold open at once.</summary>
    public int OpenStreams { get; set; } = 5;

    /// <summary>Calls per second from one client address, sustained; an office behind one NAT address shares it.</summary>
    public int AddressCallsPerSecond { get; set; } = 500;

    /// <summary>Calls from one client address at once.</summary>
    public int AddressBurst { get; set; } = 2_000;

    /// <summary>
    /// How long a refusal is held before it is answered. A refusal answered at once invites a client that retries
    /// without waiting to spin: measured with 200 such workers (tests/perf/flood.sh), 14,000 refusals a second took the
    /// CPU from everyone else. Held, each worker asks once per hold; the hold costs a timer, not a thread.
    /// </summary>
    public TimeSpan RefusalHold { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(ReadsPerSecond), ReadsPerSecond), (nameof(ReadBurst), ReadBurst), (nameof(WritesPerSecond), WritesPerSecond),
                     (nameof(WriteBurst), WriteBurst), (nameof(OpenStreams), OpenStreams), (nameof(AddressCallsPerSecond), AddressCallsPerSecond),
                     (nameof(AddressBurst), AddressBurst), (nameof(AdminWritesPerSecond), AdminWritesPerSecond), (nameof(AdminWriteBurst), AdminWriteBurst),
                 })
        {
            if (value is < 1 or > 1_000_000)
            {
                yield return $"{Section}:{name} must be between 1 and 1000000";
            }
        }

        if (ReadBurst < ReadsPerSecond || WriteBurst < WritesPerSecond || AdminWriteBurst < AdminWritesPerSecond || AddressBurst < AddressCallsPerSecond)
        {
            yield return $"{Section}: a burst must be at least its rate per second";
        }

        if (RefusalHold < TimeSpan.Zero || RefusalHold > TimeSpan.FromSeconds(10))
        {
            yield return $"{Section}:{nameof(RefusalHold)} must be between 00:00:00 and 00:00:10";
        }
    }
}

/// <summary>The limiters of <see cref="RateLimitOptions"/>, on ASP.NET Core's rate limiting middleware.</summary>
public static class RateLimits
{
    private enum Kind
    {
        Read,
        Write,
        Stream,
    }

    public static IServiceCollection AddParticipatieRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        if (!limits.Enabled)
        {
            // The middleware stays in the pipeline and lets every call through.
            return services.AddRateLimiter(_ => { });
        }

        var kinds = AccessRules.PublicMethods.ToDictionary(
            AccessRules.PathOf,
            m => m.IsServerStreaming ? Kind.Stream : AccessRules.ByMethod.TryGetValue(AccessRules.PathOf(m), out var rule) && rule.Of(m.Name).Changes ? Kind.Write : Kind.Read,
            StringComparer.Ordinal);
        var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context, kinds) is null
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetTokenBucketLimiter(AddressOf(context), _ => Bucket(limits.AddressCallsPerSecond, limits.AddressBurst)));
        var perPrincipal = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var caller = Caller.From(context.User);
            return (caller, KindOf(context, kinds)) switch
            {
                (null, _) or (_, null) => RateLimitPartition.GetNoLimiter(""),
                (var c, Kind.Stream) => RateLimitPartition.GetConcurrencyLimiter(
                    $"stream:{c.Role}:{c.Subject}", _ => new ConcurrencyLimiterOptions { PermitLimit = limits.OpenStreams, QueueLimit = 0 }),
                ({ Role: Role.Admin } c, Kind.Write) => RateLimitPartition.GetTokenBucketLimiter($"write:{c.Role}:{c.Subject}", _ => Bucket(limits.AdminWritesPerSecond, limits.AdminWriteBurst)),
                (var c, Kind.Write) => RateLimitPartition.GetTokenBucketLimiter($"write:{c.Role}:{c.Subject}", _ => Bucket(limits.WritesPerSecond, limits.WriteBurst)),
                var (c, _) => RateLimitPartition.GetTokenBucketLimiter($"read:{c.Role}:{c.Subject}", _ => Bucket(limits.ReadsPerSecond, limits.ReadBurst)),
            };
        });

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perAddress, perPrincipal);
            options.OnRejected = (context, cancellationToken) => RefuseAsync(context.HttpContext, context.Lease, limits.RefusalHold, cancellationToken);
        });
        return services;
    }

    /// <summary>
    /// A bucket refilled about ten times a second at the same rate: refilled once a second, a caller held at its limit
    /// is let through a whole second's calls at once, a spike every other caller feels. (tests/perf/flood.sh measures
    /// everyone else's latency under a flood with the limits on; it does not single out this choice.)
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst)
    {
        var tokens = Math.Max(1, perSecond / 10);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / (double)perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>
    /// The client's address as one caller: an IPv4 address, or the /64 network of an IPv6 address (one household or
    /// machine gets a whole /64, so counting single addresses would count nothing).
    /// </summary>
    private static string AddressOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>The kind of a call to the public API (gRPC, gRPC-Web or JSON); null for anything else (health, the web app).</summary>
    private static Kind? KindOf(HttpContext context, IReadOnlyDictionary<string, Kind> kinds) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName is { } path && kinds.TryGetValue(path, out var kind) ? kind : null;

    /// <summary>
    /// RESOURCE_EXHAUSTED with when to try again, after the refusal hold: as a gRPC status (trailers only), or HTTP 429
    /// for JSON. A caller that goes away during the hold gets nothing.
    /// </summary>
    private static async ValueTask RefuseAsync(HttpContext context, RateLimitLease lease, TimeSpan hold, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(1);
        if (hold > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(hold, context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = "Too many calls from this caller; wait a moment and try again.",
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
        };
        var response = context.Response;
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // A trailers-only reply: the status in the headers and no message, as gRPC and gRPC-Web clients expect.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = context.Request.ContentType;
            response.Headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "application/json";
        await response.WriteAsync(new JsonFormatter(new JsonFormatter.Settings(formatDefaultValues: false, TypeRegistry.FromMessages(RetryInfo.Descriptor))).Format(status), cancellationToken);
    }
}
