using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Participatie.Fuzz.Tests.Rpcs;
using Participatie.TestSupport;
using Xunit.Abstractions;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// Broken gRPC framing on every RPC, below the message: an empty body, a cut header, a cut message, two messages for a
/// call that takes one, unknown flags, a compressed flag without (or with broken) compression, a size over the limit,
/// and gRPC-Web text that is not base64. Each is answered INVALID_ARGUMENT with a BadRequest (RESOURCE_EXHAUSTED for
/// the size), never INTERNAL, UNKNOWN or a reset, and logged as one warning line without a stack trace.
/// </summary>
public sealed class FramingTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly ITestOutputHelper _output;
    private SiloHost _host = null!;

    public FramingTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() =>
        _host = await SiloHost.StartAsync("Memory", overrides: services => services.AddSingleton<ILoggerProvider>(_logs));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static readonly (string Name, byte[] Body, string? Encoding, Google.Rpc.Code Expected)[] Http2Cases =
    [
        ("empty body", [], null, Google.Rpc.Code.InvalidArgument),
        ("header cut after 3 bytes", [0, 0, 0], null, Google.Rpc.Code.InvalidArgument),
        ("message cut short", [0, 0, 0, 0, 10, 0x0a, 0x01], null, Google.Rpc.Code.InvalidArgument),
        ("two messages", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], null, Google.Rpc.Code.InvalidArgument),
        ("a message and trailing bytes", [0, 0, 0, 0, 0, 0x0a], null, Google.Rpc.Code.InvalidArgument),
        ("unknown flags", [0x02, 0, 0, 0, 0], null, Google.Rpc.Code.InvalidArgument),
        ("trailer flag from a client", [0x80, 0, 0, 0, 0], null, Google.Rpc.Code.InvalidArgument),
        ("compressed flag, no encoding", [1, 0, 0, 0, 2, 0x08, 0x01], null, Google.Rpc.Code.InvalidArgument),
        ("compressed flag, identity encoding", [1, 0, 0, 0, 2, 0x08, 0x01], "identity", Google.Rpc.Code.InvalidArgument),
        ("gzip that is not gzip", [1, 0, 0, 0, 3, 1, 2, 3], "gzip", Google.Rpc.Code.InvalidArgument),
        ("declares 2 GiB", [0, 0x7f, 0xff, 0xff, 0xff], null, Google.Rpc.Code.ResourceExhausted),
    ];

    [Fact]
    public async Task BrokenFramingOnEveryRpcIsInvalidArgumentNeverInternalUnknownOrAReset()
    {
        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var http1 = new HttpClient();
        var token = TestKeys.Token("admin", "framing");
        var problems = new List<string>();
        var calls = 0;
        foreach (var rpc in RpcCatalog.All)
        {
            foreach (var (name, body, encoding, expected) in Http2Cases)
            {
                var reply = await SendAsync(http2, _host.Address, rpc, body, "application/grpc", encoding, token);
                calls++;
                Judge(rpc, name, expected, reply, problems);
            }

            var web = await SendAsync(http1, _host.WebAddress, rpc, Encoding.ASCII.GetBytes("@@ not base64 @@"), "application/grpc-web-text", null, token);
            Judge(rpc, "gRPC-Web text that is not base64", Google.Rpc.Code.InvalidArgument, web, problems);
            var cut = await SendAsync(http1, _host.WebAddress, rpc, [0, 0, 0, 0, 10, 0x0a], "application/grpc-web", null, token);
            Judge(rpc, "gRPC-Web message cut short", Google.Rpc.Code.InvalidArgument, cut, problems);
            calls += 2;
        }

        var traces = _logs.Entries.Count(e => e.Exception is not null);
        foreach (var trace in _logs.Entries.Where(e => e.Exception is not null).Take(3))
        {
            _output.WriteLine($"{trace.Category}: {trace.Exception!.GetType().Name}: {trace.Exception.Message}");
        }

        var warnings = _logs.Entries.Count(e => e.Category.EndsWith("GrpcFraming", StringComparison.Ordinal) && e.Level == LogLevel.Warning);
        var summary = $"{calls} framing cases over {RpcCatalog.All.Count} RPCs ({Http2Cases.Length} over HTTP/2, 2 over gRPC-Web): {problems.Count} problems, {warnings} warning lines, {traces} log entries with a stack trace";
        _output.WriteLine(summary);
        Figures.Record(nameof(BrokenFramingOnEveryRpcIsInvalidArgumentNeverInternalUnknownOrAReset), summary);
        Assert.True(problems.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, problems.Take(20)));
        Assert.Equal(0, traces);
        Assert.Equal(calls, warnings);
    }

    [Fact]
    public async Task AWellFramedCallStillWorksOverHttp2AndGrpcWeb()
    {
        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var http1 = new HttpClient();
        var ping = RpcCatalog.All.Single(r => r.FullName == "participatie.v1.AdminService/Ping");
        var token = TestKeys.Token("admin", "framing");

        var plain = await SendAsync(http2, _host.Address, ping, [0, 0, 0, 0, 0], "application/grpc", null, token);
        var web = await SendAsync(http1, _host.WebAddress, ping, Encoding.ASCII.GetBytes(Convert.ToBase64String(new byte[] { 0, 0, 0, 0, 0 })), "application/grpc-web-text", null, token);

        Assert.Equal("0", plain.Status);
        Assert.Equal("0", web.Status);
    }

    private static void Judge(Rpc rpc, string name, Google.Rpc.Code expected, Reply reply, List<string> problems)
    {
        if (reply.Failure is not null)
        {
            problems.Add($"{rpc} {name}: no gRPC answer ({reply.Failure})");
        }
        else if (reply.Status != ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            problems.Add($"{rpc} {name}: grpc-status {reply.Status ?? "(none)"} '{reply.Message}', expected {expected}");
        }
        else if (expected == Google.Rpc.Code.InvalidArgument && reply.Details?.Details.Any(d => d.Is(BadRequest.Descriptor)) != true)
        {
            problems.Add($"{rpc} {name}: INVALID_ARGUMENT without a BadRequest");
        }
    }

    private sealed record Reply(string? Status, string? Message, Google.Rpc.Status? Details, string? Failure);

    private static async Task<Reply> SendAsync(HttpClient http, string address, Rpc rpc, byte[] body, string contentType, string? encoding, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{address}/{rpc.FullName}")
        {
            Content = new ByteArrayContent(body),
            Version = http.DefaultRequestVersion,
            VersionPolicy = http.DefaultVersionPolicy,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (encoding is not null)
        {
            request.Headers.Add("grpc-encoding", encoding);
        }

        try
        {
            using var response = await http.SendAsync(request);
            var content = await response.Content.ReadAsByteArrayAsync();
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.TrailingHeaders))
            {
                fields[header.Key] = string.Join(",", header.Value);
            }

            foreach (var (key, value) in GrpcWebTrailers(content))
            {
                fields[key] = value;
            }

            var details = fields.TryGetValue("grpc-status-details-bin", out var bin) ? Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(Padded(bin))) : null;
            return new Reply(fields.GetValueOrDefault("grpc-status"), fields.GetValueOrDefault("grpc-message"), details, null);
        }
        catch (Exception broken) when (broken is HttpRequestException or IOException)
        {
            return new Reply(null, null, null, broken.GetType().Name + ": " + broken.Message);
        }
    }

    /// <summary>The trailers a gRPC-Web response carries in its body (a frame flagged 0x80 of "key: value" lines).</summary>
    private static IEnumerable<(string Key, string Value)> GrpcWebTrailers(byte[] content)
    {
        for (var at = 0; at + 5 <= content.Length;)
        {
            var length = (content[at + 1] << 24) | (content[at + 2] << 16) | (content[at + 3] << 8) | content[at + 4];
            if ((content[at] & 0x80) != 0 && at + 5 + length <= content.Length)
            {
                foreach (var line in Encoding.ASCII.GetString(content, at + 5, length).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        yield return (line[..colon].Trim(), line[(colon + 1)..].Trim());
                    }
                }
            }

            at += 5 + length;
        }
    }

    private static string Padded(string base64) => base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');

    /// <summary>Every log entry of the host, to count warnings and stack traces.</summary>
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, Exception?)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue((category, logLevel, exception));
                }
            }
        }
    }
}
