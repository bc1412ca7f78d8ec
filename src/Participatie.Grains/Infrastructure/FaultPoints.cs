namespace Participatie.Grains.Infrastructure;

/// <summary>
/// Named places in multi-step operations where a failure can be injected, so tests can prove that an operation
/// interrupted half-way still ends consistent. In production the <see cref="NoFaults"/> instance does nothing.
/// </summary>
public interface IFaultPoints
{
    /// <summary>Throws when a fault is armed for this point.</summary>
    void Hit(string point);
}

/// <summary>The production fault points: none.</summary>
public sealed class NoFaults : IFaultPoints
{
    public void Hit(string point)
    {
    }
}

/// <summary>The points that exist.</summary>
public static class FaultPoint
{
    /// <summary>After the new coach reserved a place, before the person's record commits the assignment.</summary>
    public const string AssignAfterReserve = "client.assign.after-reserve";

    /// <summary>After a person's record committed a change, before it told coaches and neighbourhood.</summary>
    public const string BeforeDelivery = "client.before-delivery";

    /// <summary>After a payment run froze a batch of statements, before it stored its progress: a crash half-way a batch.</summary>
    public const string PaymentRunAfterFreeze = "payment-run.after-freeze";

    /// <summary>After a caseload hand-over moved a few people, before it stored that they moved: a crash half-way.</summary>
    public const string HandOverAfterMove = "caseload-hand-over.after-move";
}
