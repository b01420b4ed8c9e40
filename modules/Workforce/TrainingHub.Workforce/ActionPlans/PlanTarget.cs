using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Workforce.ActionPlans;

/// <summary>What a target of a workforce action plan measures, and whether it is reached from below or from above.</summary>
internal enum PlanMeasure
{
    /// <summary>The share of funded posts that people fill, in per cent; at least the target.</summary>
    PostsFilledPercent = 1,

    /// <summary>Active people counted as social workers; at least the target.</summary>
    SocialWorkers = 2,

    /// <summary>Residents per social worker; at most the target.</summary>
    ResidentsPerSocialWorker = 3,

    /// <summary>Active volunteers; at least the target.</summary>
    Volunteers = 4,

    /// <summary>Active people holding a valid pathway certificate; at least the target.</summary>
    PeopleCertified = 5,

    /// <summary>Basic social services the hromada provides with trained staff (hromadas only); at least the target.</summary>
    ServicesProvided = 6,

    /// <summary>The share of people to be supervised who are supervised as often as they should be, in per cent; at least the target.</summary>
    SupervisionCoveragePercent = 7,

    /// <summary>The share of people with a competency profile who meet all of it, in per cent; at least the target.</summary>
    ProfileMetPercent = 8,
}

/// <summary>A target of an oblast's or a hromada's workforce action plan: a figure to reach by a date, with a note on how.</summary>
internal sealed class PlanTarget : IHasVersion, IAuditedInUnit
{
    public const int MaxNoteLength = 500;
    public const int MaxCount = 1_000_000;

    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid UnitId { get; init; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public PlanMeasure Measure { get; private set; }

    public int Target { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string? Note { get; private set; }

    public Guid Version { get; set; }

    /// <summary>Whether the figure must come down to the target rather than up to it.</summary>
    public static bool AtMost(PlanMeasure measure) => measure == PlanMeasure.ResidentsPerSocialWorker;

    public bool IsMet(double current) => AtMost(Measure) ? current <= Target : current >= Target;

    /// <summary>Sets the target; a new or moved due date may not lie in the past.</summary>
    public Error? Set(PlanMeasure measure, int target, DateOnly dueOn, string? note, DateOnly today, bool isHromada)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(measure) || (measure == PlanMeasure.ServicesProvided && !isHromada))
        {
            errors.Add(new FieldError(nameof(Measure), "Plan:Error:Measure"));
        }
        var max = measure is PlanMeasure.PostsFilledPercent or PlanMeasure.SupervisionCoveragePercent or PlanMeasure.ProfileMetPercent ? 100 : MaxCount;
        if (target < 0 || target > max)
        {
            errors.Add(new FieldError(nameof(Target), "Plan:Error:TargetOutOfRange", 0, max));
        }
        if (dueOn < today && dueOn != DueOn)
        {
            errors.Add(new FieldError(nameof(DueOn), "Plan:Error:DueInPast"));
        }
        if (note?.Trim().Length > MaxNoteLength)
        {
            errors.Add(new FieldError(nameof(Note), "Plan:Error:NoteTooLong", MaxNoteLength));
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        (Measure, Target, DueOn, Note) = (measure, target, dueOn, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return null;
    }
}
