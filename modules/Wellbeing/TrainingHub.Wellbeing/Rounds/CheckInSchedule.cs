using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Wellbeing.Rounds;

/// <summary>How often a unit's check-in rounds open.</summary>
internal enum Cadence
{
    Monthly,
    Fortnightly,
    Quarterly,
}

/// <summary>
/// A unit's check-ins: rounds of an instrument open for everyone in the unit and under it (except where a unit below has
/// a schedule of its own) on <see cref="NextOpensOn"/>, then every period of the cadence, until it is paused.
/// </summary>
[OrdinaryData]
internal sealed class CheckInSchedule : IHasVersion, IAuditedInUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UnitId { get; set; }

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    public Cadence Cadence { get; set; } = Cadence.Monthly;

    public required string InstrumentCode { get; set; }

    /// <summary>The day (Kyiv) the next round opens.</summary>
    public DateOnly NextOpensOn { get; set; }

    public bool Paused { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The first day after <paramref name="day"/> a round of the cadence opens.</summary>
    public static DateOnly After(Cadence cadence, DateOnly day) => cadence switch
    {
        Cadence.Fortnightly => day.AddDays(14),
        Cadence.Quarterly => day.AddMonths(3),
        _ => day.AddMonths(1),
    };

    /// <summary>Moves the next opening past <paramref name="today"/>: a round missed while the app was down is not caught up.</summary>
    public void Opened(DateOnly today)
    {
        do
        {
            NextOpensOn = After(Cadence, NextOpensOn);
        }
        while (NextOpensOn <= today);
    }
}
