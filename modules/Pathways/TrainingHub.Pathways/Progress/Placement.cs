using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Progress;

/// <summary>
/// A person on a pathway: the stage they have reached and since when, and the sign-offs given towards the stage after
/// it. A person is on one pathway at a time. Its unit is the person's home unit, which decides who sees and acts on it.
/// </summary>
internal sealed class Placement : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Guid TemplateId { get; set; }

    /// <summary>The position of the stage reached (1 for the first).</summary>
    public int Stage { get; set; }

    public DateOnly StageSince { get; set; }

    /// <summary>The person's home unit, kept in step with the accounts module.</summary>
    public Guid? UnitId { get; set; }

    public Guid PlacedById { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<StageSignOff> SignOffs { get; set; } = [];

    /// <summary>Each stage the person reached while on the pathway, from the one they were placed at.</summary>
    public List<ReachedStage> Reached { get; set; } = [];

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    /// <summary>The sign-offs given towards the next stage.</summary>
    public IEnumerable<StageSignOff> SignOffsTowardsNext() => SignOffs.Where(s => s.Stage == Stage + 1);

    /// <summary>Places the person at a stage of the template, reached on a day that is not in the future.</summary>
    public static Result<Placement> Place(Guid personId, Guid? unitId, Guid templateId, int stages, int stage, DateOnly since, DateOnly today, Guid by, DateTimeOffset now)
    {
        if (stage < 1 || stage > stages)
        {
            return Error.Validation(nameof(Stage), "Placement:Error:NoSuchStage");
        }
        if (since > today)
        {
            return Error.Validation(nameof(StageSince), "Placement:Error:SinceInFuture");
        }
        var placement = new Placement
        {
            PersonId = personId, UnitId = unitId, TemplateId = templateId, Stage = stage, StageSince = since, PlacedById = by, PlacedAt = now,
        };
        placement.Reached.Add(new ReachedStage { PlacementId = placement.Id, Stage = stage, ReachedOn = since, ApprovedById = by });
        return placement;
    }

    /// <summary>Moves the person on to the next stage, reached today, as approved by a coordinator.</summary>
    public Result<ReachedStage> Advance(int stages, DateOnly today, Guid by)
    {
        if (Stage >= stages)
        {
            return Error.Rule("Placement:Error:LastStage");
        }
        Stage++;
        StageSince = today;
        var reached = new ReachedStage { PlacementId = Id, Stage = Stage, ReachedOn = today, ApprovedById = by };
        Reached.Add(reached);
        return reached;
    }

    /// <summary>Someone holding the role signs off the person's readiness for the next stage; once per role and stage.</summary>
    public Result<StageSignOff> SignOff(string role, int stages, Guid by, DateTimeOffset now)
    {
        if (Stage >= stages)
        {
            return Error.Rule("Placement:Error:LastStage");
        }
        if (SignOffsTowardsNext().Any(s => s.Role == role))
        {
            return Error.Rule("Placement:Error:AlreadySigned");
        }
        var signOff = new StageSignOff { PlacementId = Id, Stage = Stage + 1, Role = role, SignedById = by, SignedAt = now };
        SignOffs.Add(signOff);
        return signOff;
    }
}

/// <summary>A sign-off by someone in a role that the person is ready for a stage.</summary>
internal sealed class StageSignOff
{
    public const int MaxRoleLength = 60;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PlacementId { get; set; }

    /// <summary>The stage the sign-off is towards.</summary>
    public int Stage { get; set; }

    public required string Role { get; set; }

    public Guid SignedById { get; set; }

    public DateTimeOffset SignedAt { get; set; }
}

/// <summary>A stage a person reached, on a day, placed or approved by someone.</summary>
internal sealed class ReachedStage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PlacementId { get; set; }

    public int Stage { get; set; }

    public DateOnly ReachedOn { get; set; }

    /// <summary>Who placed the person at the stage or approved their progression to it.</summary>
    public Guid ApprovedById { get; set; }
}
