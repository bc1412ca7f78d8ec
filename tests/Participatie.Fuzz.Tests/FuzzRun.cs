using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Participatie.Domain.People;
using Participatie.Fuzz.Tests.Generation;
using Participatie.Fuzz.Tests.Oracle;
using Participatie.Fuzz.Tests.Rpcs;
using Participatie.Gateway;

namespace Participatie.Fuzz.Tests;

/// <summary>
/// Sends hostile inputs to RPCs one at a time and judges each reply: its status and details
/// (<see cref="ReplyOracle"/>), the world's snapshot before and after (unchanged after every rejected call and after
/// every read), and for an accepted write, that the text it stored reads back as sent.
/// </summary>
public sealed class FuzzRun(FuzzWorld world)
{
    /// <summary>Failures beyond this many are counted, not listed.</summary>
    private const int MaxListedProblems = 40;

    /// <summary>Stored text is the text sent, or the text sent without leading and trailing white space (the
    /// platform trims free text); a few fields are normalised on purpose and compared in their normal form.</summary>
    private static readonly Dictionary<string, Func<string, string?>> Normalised = new(StringComparer.Ordinal)
    {
        ["postcode"] = Postcode.Normalise,
    };

    /// <summary>Where a request's text is stored under another name.</summary>
    private static readonly Dictionary<string, string[]> StoredAs = new(StringComparer.Ordinal)
    {
        ["registered_by"] = ["assessed_by"],
        ["reason"] = ["override_reason"],
    };

    private readonly List<string> _problems = [];
    private readonly Dictionary<StatusCode, int> _statuses = [];
    private readonly Dictionary<InputKind, int> _kinds = [];
    private readonly Dictionary<string, int> _perRpc = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = new();
    private int _problemCount;
    private int _malformed;
    private int _textsReadBack;
    private int _snapshots;
    private int _closed;

    public IReadOnlyList<string> Problems => _problems;

    public int Inputs => _kinds.Values.Sum();

    public int Rpcs => _perRpc.Count;

    /// <summary>A stable seed per RPC, so that adding an RPC leaves every other RPC's inputs as they were.</summary>
    public static Random RandomFor(Rpc rpc)
    {
        var hash = 2166136261u;
        foreach (var c in rpc.FullName)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return new Random(unchecked(FuzzSettings.Seed ^ (int)hash));
    }

    /// <summary>Messages at, one byte above and far above the size limit, with the first string field (or an unknown one) filling them.</summary>
    public static IEnumerable<FuzzInput> SizeInputs(Rpc rpc)
    {
        var field = rpc.Input.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String && !f.IsRepeated);
        var number = field?.FieldNumber ?? 15;
        var name = field?.Name ?? "unknown field 15";
        foreach (var (total, what) in new[] { (GatewayExtensions.MaxMessageBytes, "at the limit"), (GatewayExtensions.MaxMessageBytes + 1, "one byte above the limit"), (16 * 1024 * 1024, "16 MiB") })
        {
            yield return new FuzzInput(InputKind.Size, Filled(number, total), $"{name} filling {total} bytes, {what}");
        }
    }

    /// <summary>One length-delimited field of 'x' characters whose encoding is exactly <paramref name="total"/> bytes.</summary>
    public static byte[] Filled(int fieldNumber, int total)
    {
        var overhead = Wire.Tag(fieldNumber, WireFormat.WireType.LengthDelimited).Length + 4;
        var bytes = Wire.LengthDelimited(fieldNumber, Enumerable.Repeat((byte)'x', total - overhead).ToArray());
        return bytes.Length == total ? bytes : throw new InvalidOperationException($"{bytes.Length} bytes instead of {total}");
    }

    public async Task RunAsync(Rpc rpc, IEnumerable<FuzzInput> inputs)
    {
        _clock.Start();
        if (world.IsScoped(rpc))
        {
            await world.RestoreCaseloadAsync();
        }

        var probe = await RawCall.InvokeAsync(world.InvokerFor(rpc), rpc, world.Plausible.Message(rpc.Input).ToByteArray(), FuzzSettings.CallDeadline);
        StatusCode? denied = probe.Status is StatusCode.PermissionDenied or StatusCode.Unauthenticated ? probe.Status : null;
        _closed += denied is null ? 0 : 1;
        var before = await world.SnapshotAsync();
        var index = 0;
        foreach (var input in inputs)
        {
            var request = TryParse(rpc.Input, input.Bytes);
            var reply = await RawCall.InvokeAsync(world.InvokerFor(rpc), rpc, input.Bytes, FuzzSettings.CallDeadline);
            Count(rpc, input, request, reply);

            // The world's coach may reach only the world's person: someone else's (or nobody's) record is PERMISSION_DENIED.
            var deniedHere = denied ?? (world.IsScoped(rpc) && request is not null && !world.IsOwn(request) ? StatusCode.PermissionDenied : null);
            var problems = ReplyOracle.Problems(rpc, input.Bytes, request, reply, deniedHere).ToList();
            if (reply.Ok && request is not null)
            {
                problems.AddRange(await RoundTripProblemsAsync(rpc, request, reply));
            }

            var after = await world.SnapshotAsync();
            _snapshots++;
            if ((!reply.Ok || rpc.IsRead) && after != before)
            {
                problems.Add($"{(reply.Ok ? "a read" : $"a rejected call ({reply.Status})")} changed the platform: {Difference(before, after)}");
            }

            before = after;
            foreach (var problem in problems)
            {
                Report($"{rpc} input {index} (seed {FuzzSettings.Seed}) {input}: {problem}");
            }

            index++;
        }

        _clock.Stop();
    }

    /// <summary>One line for the log and for TestResults/figures.md.</summary>
    public string Summary()
    {
        string Of(StatusCode code) => _statuses.GetValueOrDefault(code).ToString(CultureInfo.InvariantCulture);
        var others = _statuses.Where(s => s.Key is not (StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.ResourceExhausted or StatusCode.Unknown))
            .OrderBy(s => s.Key)
            .Select(s => $", {s.Key} {s.Value}");
        return string.Create(CultureInfo.InvariantCulture,
            $"seed {FuzzSettings.Seed}, {Rpcs} RPCs ({_closed} closed to the test's caller), {Inputs} hostile inputs ({_kinds.GetValueOrDefault(InputKind.Message)} well-formed messages, " +
            $"{_kinds.GetValueOrDefault(InputKind.Wire)} hand-written wire bytes of which {_malformed} unparseable, {_kinds.GetValueOrDefault(InputKind.Size)} at/above the 4 MiB limit); " +
            $"replies: OK {Of(StatusCode.OK)}, INVALID_ARGUMENT {Of(StatusCode.InvalidArgument)}, NOT_FOUND {Of(StatusCode.NotFound)}, FAILED_PRECONDITION {Of(StatusCode.FailedPrecondition)}, " +
            $"ALREADY_EXISTS {Of(StatusCode.AlreadyExists)}, RESOURCE_EXHAUSTED {Of(StatusCode.ResourceExhausted)}, UNKNOWN {Of(StatusCode.Unknown)}{string.Concat(others)}; " +
            $"{_snapshots} snapshots compared, {_textsReadBack} accepted texts read back; {_problemCount} problems; {_clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Each RPC with its number of inputs, for the log.</summary>
    public string PerRpc() => string.Join(Environment.NewLine, _perRpc.Select(p => $"  {p.Key}: {p.Value}"));

    private static IMessage? TryParse(MessageDescriptor descriptor, byte[] bytes)
    {
        if (bytes.Length > GatewayExtensions.MaxMessageBytes)
        {
            return null;
        }

        try
        {
            return descriptor.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private void Count(Rpc rpc, FuzzInput input, IMessage? request, RawReply reply)
    {
        _kinds[input.Kind] = _kinds.GetValueOrDefault(input.Kind) + 1;
        _statuses[reply.Status] = _statuses.GetValueOrDefault(reply.Status) + 1;
        _perRpc[rpc.FullName] = _perRpc.GetValueOrDefault(rpc.FullName) + 1;
        if (request is null && input.Bytes.Length <= GatewayExtensions.MaxMessageBytes)
        {
            _malformed++;
        }
    }

    /// <summary>
    /// An accepted request's text must come back as sent — no escaping, no truncation — in the reply and in a fresh
    /// read of every resource the request or reply names; and every resource in the reply must equal a fresh read.
    /// </summary>
    /// <param name="rpc">The RPC called.</param>
    /// <param name="request">The request as sent.</param>
    /// <param name="reply">Its OK reply.</param>
    private async Task<List<string>> RoundTripProblemsAsync(Rpc rpc, IMessage request, RawReply reply)
    {
        var problems = new List<string>();
        var response = rpc.Output.Parser.ParseFrom(reply.Messages[0]);
        var candidates = new List<IMessage> { response };

        foreach (var resource in Texts.SingularMessages(response).Skip(1))
        {
            var id = resource.Descriptor.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String && world.CanRead(f.Name, resource.Descriptor));
            if (id is null)
            {
                continue;
            }

            // Read as the caller: what a caller may see of a record (health, for one) depends on who they are.
            var read = await world.ReadAsync(id.Name, (string)id.Accessor.GetValue(resource), world.InvokerFor(rpc));
            if (!resource.Equals(read))
            {
                problems.Add($"the reply's {resource.Descriptor.Name} differs from a fresh read: {JsonFormatter.Default.Format(resource)} vs {(read is null ? "not found" : JsonFormatter.Default.Format(read))}");
            }
        }

        var ids = Texts.Singular(request).Concat(Texts.Singular(response))
            .Where(t => t.Value.Length > 0 && world.CanRead(t.Field.Name))
            .Select(t => (t.Field.Name, t.Value))
            .Distinct();
        foreach (var (field, id) in ids)
        {
            if (await world.ReadAsync(field, id) is { } read)
            {
                candidates.Add(read);
            }
        }

        foreach (var (field, path, sent) in Texts.Singular(request))
        {
            if (sent.Trim().Length == 0 || field.Name.EndsWith("_id", StringComparison.Ordinal) || field.Name.EndsWith("page_token", StringComparison.Ordinal))
            {
                continue;
            }

            // A "reason" is stored as the estimate's override reason by OverrideEstimate only (EndCase and SetLegalHold keep
            // theirs out of the record's reply).
            var storedAs = field.Name == "reason" && rpc.Descriptor.Name != "OverrideEstimate" ? [] : StoredAs.GetValueOrDefault(field.Name, []);
            var names = new HashSet<string>(storedAs.Append(field.Name), StringComparer.Ordinal);
            var expected = Normalised.TryGetValue(field.Name, out var normalise) ? normalise(sent) : null;
            var ignored = field.GetOptions()?.Deprecated == true;
            foreach (var stored in candidates.SelectMany(c => Texts.Singular(c)).Where(t => names.Contains(t.Field.Name)))
            {
                _textsReadBack++;
                if (ignored)
                {
                    // A deprecated field (who acted, as the caller claimed it) is ignored: the record names the token's subject.
                    if (stored.Value == sent || stored.Value == sent.Trim())
                    {
                        problems.Add($"{path} is deprecated and ignored, yet what was sent in it reads back ({stored.Path})");
                    }

                    continue;
                }

                if (stored.Value != sent && stored.Value != sent.Trim() && stored.Value != expected)
                {
                    problems.Add($"{path} was sent as {Texts.Show(sent)} and reads back as {Texts.Show(stored.Value)} ({stored.Path})");
                }
            }
        }

        return problems;
    }

    private void Report(string problem)
    {
        _problemCount++;
        if (_problems.Count < MaxListedProblems)
        {
            _problems.Add(problem);
        }
    }

    private static string Difference(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "";
            var right = i < b.Length ? b[i] : "";
            if (left != right)
            {
                return $"before {Cut(left)} after {Cut(right)}";
            }
        }

        return "(no line differs)";
    }

    private static string Cut(string line) => line.Length > 400 ? line[..400] + "…" : line;
}
