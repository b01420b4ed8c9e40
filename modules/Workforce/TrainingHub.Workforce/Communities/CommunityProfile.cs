using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Workforce.Communities;

/// <summary>Whether a hromada is a town or city, or villages: staffing differs most between the two.</summary>
internal enum Settlement
{
    Urban = 1,
    Rural = 2,
}

/// <summary>What a hromada's coordinators report of it: whether it is urban or rural, and its case load.</summary>
internal sealed class CommunityProfile : IHasVersion, IAuditedInUnit
{
    /// <summary>Above any hromada's population: a larger figure is a typing error.</summary>
    public const int MaxCount = 3_000_000;

    public Guid HromadaId { get; init; }

    Guid? IAuditedInUnit.AuditUnitId => HromadaId;

    public Settlement? Settlement { get; private set; }

    /// <summary>Families with children in difficult life circumstances («СЖО») the hromada supports.</summary>
    public int? FamiliesInDifficulty { get; private set; }

    public int? ChildrenWithDisabilities { get; private set; }

    public Guid Version { get; set; }

    /// <summary>Why these figures cannot be a hromada's, field by field; empty when they can.</summary>
    public static IReadOnlyList<FieldError> Check(int? families, int? children) =>
    [
        .. Count(families, nameof(FamiliesInDifficulty)),
        .. Count(children, nameof(ChildrenWithDisabilities)),
    ];

    public Error? Report(Settlement? settlement, int? families, int? children)
    {
        if (Check(families, children) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        (Settlement, FamiliesInDifficulty, ChildrenWithDisabilities) = (settlement, families, children);
        return null;
    }

    private static IEnumerable<FieldError> Count(int? value, string field)
    {
        if (value is < 0 or > MaxCount)
        {
            yield return new FieldError(field, "Communities:Error:CountOutOfRange", 0, MaxCount);
        }
    }
}
