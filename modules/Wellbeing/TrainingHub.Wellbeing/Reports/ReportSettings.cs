using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Wellbeing.Anonymity;

namespace TrainingHub.Wellbeing.Reports;

/// <summary>
/// How the aggregate reports keep people from being singled out: the smallest group shown. There is one row at most;
/// without it the default applies. An administrator may raise the minimum, or lower it, never below the floor.
/// </summary>
[OrdinaryData]
internal sealed class ReportSettings : IHasVersion
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public int MinimumGroup { get; set; } = AnonymityRules.DefaultMinimum;

    public DateTimeOffset ChangedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Sets the minimum when it is at least the floor and no more than a sensible group (a hundred).</summary>
    public Result Change(int minimum, DateTimeOffset now)
    {
        if (minimum < AnonymityRules.Floor || minimum > MaximumGroup)
        {
            return Error.Validation(nameof(MinimumGroup), "Reports:Error:MinimumOutOfRange", AnonymityRules.Floor, MaximumGroup);
        }
        MinimumGroup = minimum;
        ChangedAt = now;
        return Result.Success();
    }

    public const int MaximumGroup = 100;
}
