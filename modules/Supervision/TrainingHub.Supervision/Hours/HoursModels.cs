using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Supervision.Hours;

/// <summary>An entry as its supervisee's list shows it.</summary>
internal sealed record HoursRow(
    Guid Id, DateOnly Date, decimal Hours, Guid ActivityTypeId, string ActivityName, string? Setting, string? Description,
    Guid? CompetencyLineageId, string? CompetencyName, HoursState State, string? ReviewReason, bool ApprovalWithdrawn, Guid Version)
{
    public bool IsEditable => State is HoursState.Draft or HoursState.Rejected;
}

/// <summary>Approved hours of one activity type within a period.</summary>
internal sealed record HoursTotal(Guid ActivityTypeId, string ActivityName, decimal Hours);

/// <summary>The approved hours of a period, per type and in all.</summary>
internal sealed record HoursTotals(DateOnly? From, DateOnly? To, IReadOnlyList<HoursTotal> PerType)
{
    public decimal All => PerType.Sum(t => t.Hours);
}

/// <summary>An activity type as lists and pickers show it.</summary>
internal sealed record ActivityTypeRow(Guid Id, string NameUk, string NameEn, bool IsBuiltIn)
{
    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;
}

/// <summary>A competency an entry may name, from the published frameworks.</summary>
internal sealed record CompetencyChoice(Guid LineageId, string Code, string NameUk, string NameEn)
{
    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;
}

/// <summary>An entry as its reviewer sees it.</summary>
internal sealed record ReviewRow(
    Guid Id, Guid PersonId, DateOnly Date, decimal Hours, string ActivityName, string? Setting, string? Description, string? CompetencyName,
    HoursState State, DateTimeOffset? ReviewedAt, Guid Version);

/// <summary>One supervisee's entries of one week (from Monday), as the reviewer signs them.</summary>
internal sealed record ReviewWeek(Guid PersonId, string PersonName, DateOnly WeekOf, IReadOnlyList<ReviewRow> Entries)
{
    public decimal Hours => Entries.Sum(e => e.Hours);
}

/// <summary>The periods "my hours" totals are counted over, each ending today.</summary>
internal enum HoursPeriod
{
    Week,
    Month,
    Year,
    All,
}
