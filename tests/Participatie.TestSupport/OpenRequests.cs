using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Participatie.TestSupport;

/// <summary>
/// Counts the requests a host is serving, by the end of their path, in a middleware that runs before all others: when
/// it sees a request end, everything the request held further in (a rate limiter's lease, a stream's subscription) has
/// been given back. Tests await that instead of retrying until the server has caught up.
/// </summary>
public sealed class OpenRequests : IStartupFilter
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<(string Method, int AtMost, TaskCompletionSource Done)> _waiting = [];

    /// <summary>Registers the counter in a host's services (for a <see cref="SiloHost"/>'s overrides).</summary>
    public void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter>(this);

    /// <summary>Requests to a path ending in <paramref name="method"/> (a gRPC method's name) being served now.</summary>
    public int Serving(string method) => _open.GetValueOrDefault(method);

    /// <summary>Completes once at most <paramref name="count"/> requests for <paramref name="method"/> are being served.</summary>
    public Task AtMostAsync(string method, int count)
    {
        lock (_lock)
        {
            if (Serving(method) <= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((method, count, done));
            return done.Task;
        }
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate inner) =>
        {
            var method = context.Request.Path.Value is { } path ? path[(path.LastIndexOf('/') + 1)..] : "";
            Change(method, +1);
            try
            {
                await inner(context);
            }
            finally
            {
                Change(method, -1);
            }
        });
        next(app);
    };

    private void Change(string method, int by)
    {
        lock (_lock)
        {
            var now = _open.AddOrUpdate(method, by, (_, open) => open + by);
            foreach (var waiting in _waiting.Where(w => w.Method == method && now <= w.AtMost).ToList())
            {
                _waiting.Remove(waiting);
                waiting.Done.TrySetResult();
            }
        }
    }
}
