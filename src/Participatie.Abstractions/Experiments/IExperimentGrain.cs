using Orleans.Concurrency;

namespace Participatie.Abstractions.Experiments;

/// <summary>
/// A trust experiment: design, sign-ups with consent, the lottery, outcomes and results. The experiment is the truth
/// about who is in which arm; it tells each person's record through versioned memberships. Key: an experiment id
/// ("ex-…").
/// </summary>
[Alias("participatie.IExperimentGrain")]
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>Defines the experiment; the same design again is a no-op, another design is refused.</summary>
    [Alias("Create")]
    Task<ExperimentView> CreateAsync(CreateExperimentCommand command);

    /// <summary>Reads the design, counts and the recorded draw.</summary>
    [Alias("Get")]
    [AlwaysInterleave]
    Task<ExperimentView> GetAsync();

    /// <summary>Signs a person up with their consent, if eligible and not in another experiment in the period.</summary>
    [Alias("SignUp")]
    Task<AssignmentView> SignUpAsync(SignUpCommand command);

    /// <summary>Records a withdrawal; an assignment is kept (intention to treat).</summary>
    [Alias("Withdraw")]
    Task<AssignmentView> WithdrawAsync(string clientId, string recordedBy);

    /// <summary>Draws the lottery once and records seed, algorithm and date.</summary>
    [Alias("Draw")]
    Task<ExperimentView> DrawAsync(DrawCommand command);

    /// <summary>Draws again from the record and compares.</summary>
    [Alias("VerifyDraw")]
    Task<DrawVerification> VerifyDrawAsync();

    /// <summary>One person's place.</summary>
    [Alias("GetAssignment")]
    Task<AssignmentView> GetAssignmentAsync(string clientId);

    /// <summary>Records monthly outcomes of assigned people, all or nothing.</summary>
    [Alias("RecordOutcomes")]
    Task<OutcomesRecorded> RecordOutcomesAsync(RecordOutcomesCommand command);

    /// <summary>Every arm against control for one month (<c>yyyy-MM</c>; null for the latest with outcomes).</summary>
    [Alias("GetResults")]
    Task<ExperimentResults> GetResultsAsync(string? month);
}
