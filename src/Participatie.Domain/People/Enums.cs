namespace Participatie.Domain.People;

/// <summary>The household type that decides which benefit norm applies.</summary>
public enum HouseholdType
{
    Unspecified = 0,
    Single = 1,
    SingleParent = 2,
    Couple = 3,
}

/// <summary>Highest completed education.</summary>
public enum EducationLevel
{
    Unspecified = 0,
    Primary = 1,
    LowerSecondary = 2,
    UpperSecondary = 3,
    Higher = 4,
}

/// <summary>Command of Dutch as it matters for work.</summary>
public enum LanguageProficiency
{
    Unspecified = 0,
    Fluent = 1,
    Adequate = 2,
    Limited = 3,
    VeryLimited = 4,
}

/// <summary>A conclusion about how health limits work; never a diagnosis.</summary>
public enum HealthLimitation
{
    Unspecified = 0,
    None = 1,
    Mild = 2,
    Substantial = 3,
    Severe = 4,
}

/// <summary>Circumstances outside work that stand in the way.</summary>
public enum SocialCircumstance
{
    Unspecified = 0,
    ProblematicDebts = 1,
    UnstableHousing = 2,
    CareDuties = 3,
    SocialIsolation = 4,
}

/// <summary>Where a person stands against the municipality's cut.</summary>
public enum Segment
{
    Unspecified = 0,
    NotAssessed = 1,
    WithinCut = 2,
    BeyondCut = 3,
}
