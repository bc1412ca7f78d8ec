using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Participatie.Abstractions.Payments;

namespace Participatie.TestSupport;

/// <summary>Awaiting a payment run's completion in a host, instead of asking for its status again and again.</summary>
public static class PaymentRunWaits
{
    /// <summary>The longest single wait: within Orleans' response timeout of 30 s.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Awaits the completion of pass <paramref name="pass"/> (0: the newest) of the run of <paramref name="month"/>
    /// (<c>yyyy-MM</c>) through the run's long poll in the host's cluster; the caller then reads the run through the
    /// contract as before.
    /// </summary>
    public static Task<PaymentRunView> PaymentPassCompletedAsync(this SiloHost host, string month, int pass) =>
        host.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IPaymentRunGrain>(PaymentRunKeys.For(DateOnly.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture)))
            .WaitUntilCompletedAsync(pass, MaxWait);
}
