using System.Diagnostics;
using System.Globalization;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Participatie.TestSupport;

/// <summary>
/// A silo host (or gateway host) as a separate operating-system process, started from the silo project's own build
/// output, so that a test can kill it with SIGKILL or stop it with SIGTERM as an admin or a crash would.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(string name, Process process, StreamWriter log, int port, int webPort, int siloPort, int gatewayPort)
    {
        Name = name;
        _process = process;
        _log = log;
        Address = $"http://127.0.0.1:{port}";
        WebAddress = $"http://127.0.0.1:{webPort}";
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Channel = TestKeys.AdminChannel(Address);
    }

    public string Name { get; }

    public string Address { get; }

    public string WebAddress { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public GrpcChannel Channel { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Where the process's console output goes, for the test's failure message.</summary>
    public string LogPath { get; private set; } = "";

    /// <summary>The build output of src/Participatie.Silo in the configuration these tests were built in.</summary>
    public static string SiloAssembly { get; } = FindSiloAssembly();

    /// <summary>Starts the process and waits until its gRPC health check reports SERVING.</summary>
    /// <param name="name">A short name for logs (silo1, gateway…).</param>
    /// <param name="settings">"Section:Key" → value; ports are chosen here unless given.</param>
    /// <param name="readyWithin">How long to wait for SERVING (default 90 s).</param>
    public static async Task<SiloProcess> StartAsync(string name, IDictionary<string, string> settings, TimeSpan? readyWithin = null)
    {
        var all = new Dictionary<string, string>(settings);
        int Port(string key) => all.TryGetValue(key, out var given) ? int.Parse(given, CultureInfo.InvariantCulture) : SiloHost.FreePort();
        var port = Port("Test:GrpcPort");
        var webPort = Port("Test:WebPort");
        var siloPort = Port("Cluster:SiloPort");
        var gatewayPort = Port("Cluster:GatewayPort");
        all.Remove("Test:GrpcPort");
        all.Remove("Test:WebPort");
        all["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{port}";
        all["Kestrel:Endpoints:Web:Url"] = $"http://127.0.0.1:{webPort}";
        all["Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        all["Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        all.TryAdd("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestKeys.Settings)
        {
            all.TryAdd(key, value);
        }


        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SiloAssembly)!,
        };
        start.ArgumentList.Add(SiloAssembly);
        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_gcServer"] = "0";
        var logPath = Path.Combine(Path.GetTempPath(), $"participatie-{name}-{Guid.NewGuid().ToString("N")[..8]}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var silo = new SiloProcess(name, process, log, port, webPort, siloPort, gatewayPort) { LogPath = logPath };
        await silo.WaitUntilServingAsync(readyWithin ?? TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>Waits for SERVING; fails with the process's output if it exits or does not get there in time.</summary>
    public async Task WaitUntilServingAsync(TimeSpan within)
    {
        var health = new Health.HealthClient(Channel);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was serving:\n{ReadLog()}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not serving within {within}:\n{ReadLog()}");
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash or an OOM kill; nothing is flushed or handed over.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the graceful stop an orchestrator asks for.</summary>
    public void Terminate()
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var text = new StreamReader(stream).ReadToEnd();
            return text.Length > 20_000 ? text[^20_000..] : text;
        }
        catch (IOException exception)
        {
            return $"(no log: {exception.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The test is over.
            }
        }
    }

    private static string FindSiloAssembly()
    {
        // tests/<project>/bin/<Configuration>/<tfm>/ → src/Participatie.Silo/bin/<Configuration>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, "src", "Participatie.Silo", "bin", configuration, framework, "Participatie.Silo.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The silo is not built: {path} (build the solution first)");
    }
}
