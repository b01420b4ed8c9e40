using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Workforce.Norms;

/// <summary>What a position counts as in the staffing ratios.</summary>
internal enum CountedAs
{
    SocialWorker = 1,
    Psychologist = 2,
    Volunteer = 3,

    /// <summary>Social assistants and others without a full degree in social work: a step of the certification funnel.</summary>
    Paraprofessional = 4,
}

/// <summary>A position type counted as social workers, psychologists, volunteers or paraprofessionals in the figures; other positions are staff only.</summary>
internal sealed class CountedPosition
{
    public Guid PositionTypeId { get; init; }

    public CountedAs CountedAs { get; set; }
}

/// <summary>The targets an administrator sets for the whole country; a target left empty is not judged.</summary>
internal sealed class NormTargets
{
    /// <summary>At most this many residents per social worker (a norm per population).</summary>
    public int? MaxPeoplePerSocialWorker { get; set; }

    /// <summary>At most this many children per social worker.</summary>
    public int? MaxChildrenPerSocialWorker { get; set; }

    /// <summary>At least this many active volunteers per 10,000 residents.</summary>
    public int? MinVolunteersPer10000 { get; set; }

    /// <summary>At most this share of funded posts empty, in per cent.</summary>
    public int? MaxVacancyPercent { get; set; }
}

/// <summary>The one row of national targets (<see cref="SingleId"/>); its absence means the module has not been set up yet.</summary>
internal sealed class WorkforceNorms : IHasVersion
{
    public const int SingleId = 1;

    public const int MaxRatio = 1_000_000;

    public int Id { get; init; } = SingleId;

    public NormTargets Targets { get; private set; } = new();

    public Guid Version { get; set; }

    public static IReadOnlyList<FieldError> Check(NormTargets targets) =>
    [
        .. Range(targets.MaxPeoplePerSocialWorker, nameof(NormTargets.MaxPeoplePerSocialWorker), 1, MaxRatio),
        .. Range(targets.MaxChildrenPerSocialWorker, nameof(NormTargets.MaxChildrenPerSocialWorker), 1, MaxRatio),
        .. Range(targets.MinVolunteersPer10000, nameof(NormTargets.MinVolunteersPer10000), 0, 10_000),
        .. Range(targets.MaxVacancyPercent, nameof(NormTargets.MaxVacancyPercent), 0, 100),
    ];

    public Error? Set(NormTargets targets)
    {
        if (Check(targets) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }
        Targets = new NormTargets
        {
            MaxPeoplePerSocialWorker = targets.MaxPeoplePerSocialWorker,
            MaxChildrenPerSocialWorker = targets.MaxChildrenPerSocialWorker,
            MinVolunteersPer10000 = targets.MinVolunteersPer10000,
            MaxVacancyPercent = targets.MaxVacancyPercent,
        };
        return null;
    }

    private static IEnumerable<FieldError> Range(int? value, string field, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            yield return new FieldError(field, "Norms:Error:OutOfRange", min, max);
        }
    }
}
