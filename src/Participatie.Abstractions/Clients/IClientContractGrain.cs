namespace Participatie.Abstractions.Clients;

/// <summary>
/// The person's social contract with their coach: goals, suggestions and whether it binds. A facet of the person's grain
/// (<see cref="IClientGrain"/>): same key, same activation.
/// </summary>
[Alias("participatie.IClientContractGrain")]
public interface IClientContractGrain : IGrainWithStringKey
{
    /// <summary>The social contract: goals, suggestions and the binding mark.</summary>
    [Alias("GetSocialContract")]
    Task<SocialContractView> GetSocialContractAsync();

    /// <summary>A page of the contract's history, newest first, before a sequence number (null: from the newest).</summary>
    [Alias("ListContractHistory")]
    Task<IReadOnlyList<ContractChangeView>> ListContractHistoryAsync(long? before, int size);

    /// <summary>A goal proposed by the person or their coach; the proposer agrees by proposing.</summary>
    [Alias("ProposeGoal")]
    Task<GoalView> ProposeGoalAsync(ContractActor actor, ProposeGoalCommand command);

    /// <summary>The other party's agreement to a goal; agreeing again changes nothing.</summary>
    [Alias("AgreeGoal")]
    Task<GoalView> AgreeGoalAsync(ContractActor actor, string goalId);

    /// <summary>Progress on an agreed goal.</summary>
    [Alias("RecordGoalProgress")]
    Task<GoalView> RecordGoalProgressAsync(ContractActor actor, GoalProgressCommand command);

    /// <summary>A review of an open goal and its next review date.</summary>
    [Alias("ReviewGoal")]
    Task<GoalView> ReviewGoalAsync(ContractActor actor, ReviewGoalCommand command);

    /// <summary>Closes an open goal as achieved or stopped.</summary>
    [Alias("CloseGoal")]
    Task<GoalView> CloseGoalAsync(ContractActor actor, CloseGoalCommand command);

    /// <summary>A suggestion of the person's coach.</summary>
    [Alias("MakeSuggestion")]
    Task<SuggestionView> MakeSuggestionAsync(ContractActor actor, SuggestionCommand command);

    /// <summary>The person accepts or declines a suggestion in their own words; a decline has no consequence.</summary>
    [Alias("RespondToSuggestion")]
    Task<SuggestionView> RespondToSuggestionAsync(ContractActor actor, SuggestionAnswerCommand command);

    /// <summary>A party's word on whether the contract is legally binding; it changes when both said the same.</summary>
    [Alias("SetLegallyBinding")]
    Task<SocialContractView> SetLegallyBindingAsync(ContractActor actor, bool binding);
}
