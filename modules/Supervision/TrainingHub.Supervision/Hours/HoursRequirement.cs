using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Supervision.Hours;

/// <summary>
/// The practice a position asks for each calendar year: approved hours in all and, of them, at least so many of some
/// activity types (a social assistant: 120 hours, 80 of them direct work with children and families). Position types are
/// shared by every unit, and so are their requirements; administrators set them, and each change is in the audit trail.
/// </summary>
[OrdinaryData]
internal sealed class HoursRequirement : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The position type (from Accounts) the requirement is for; one requirement per position.</summary>
    public Guid PositionTypeId { get; set; }

    public int TotalHours { get; set; }

    public List<HoursRequirementPart> Parts { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>A requirement for a position, if the input keeps to the rules.</summary>
    public static Result<HoursRequirement> For(Guid positionTypeId, RequirementInput input, IReadOnlyCollection<Guid> activityTypes, DateTimeOffset now)
    {
        var requirement = new HoursRequirement { PositionTypeId = positionTypeId };
        return requirement.Change(input, activityTypes, now).Failed(out var error) ? error : requirement;
    }

    /// <summary>Sets the total and the parts; a part kept for the same type is changed in place, so the trail shows what changed.</summary>
    public Result Change(RequirementInput input, IReadOnlyCollection<Guid> activityTypes, DateTimeOffset now)
    {
        var errors = RequirementRules.Check(input, activityTypes);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        TotalHours = input.TotalHours!.Value;
        var wanted = input.Parts.ToDictionary(p => p.ActivityTypeId!.Value, p => p.Hours!.Value);
        Parts.RemoveAll(p => !wanted.ContainsKey(p.ActivityTypeId));
        foreach (var (type, hours) in wanted)
        {
            if (Parts.Find(p => p.ActivityTypeId == type) is { } part)
            {
                part.Hours = hours;
            }
            else
            {
                Parts.Add(new HoursRequirementPart { RequirementId = Id, ActivityTypeId = type, Hours = hours });
            }
        }
        UpdatedAt = now;
        return Result.Success();
    }

    /// <summary>What the requirement asks, as lines: the hours in all (no type), then each part.</summary>
    public IReadOnlyList<RequirementLine> Lines() =>
        [new(null, TotalHours), .. Parts.Select(p => new RequirementLine(p.ActivityTypeId, p.Hours))];
}

/// <summary>At least <see cref="Hours"/> of a requirement's yearly hours are of one activity type.</summary>
[OrdinaryData]
internal sealed class HoursRequirementPart
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RequirementId { get; set; }

    public Guid ActivityTypeId { get; set; }

    public int Hours { get; set; }
}

/// <summary>Approved hours a person is asked for in a year: of one activity type, or in all when <see cref="ActivityTypeId"/> is null.</summary>
internal sealed record RequirementLine(Guid? ActivityTypeId, int Hours);
