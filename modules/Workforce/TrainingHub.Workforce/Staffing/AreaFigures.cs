using TrainingHub.Workforce.Norms;

namespace TrainingHub.Workforce.Staffing;

/// <summary>How an area's figure stands against its target.</summary>
internal enum TargetState
{
    /// <summary>No target is set for this measure.</summary>
    NoTarget,

    /// <summary>A target is set but the area lacks what the figure needs (a population, funded posts).</summary>
    NoData,
    Met,
    NotMet,
}

/// <summary>
/// The staffing of an area (a unit with everything under it, or a group of hromadas): who lives there, who works there
/// (active people, and of them those counted as social workers, psychologists and volunteers), the funded posts and how
/// many of them are empty, and the case load reported. Populations and case loads are null where none is known.
/// </summary>
internal sealed record AreaFigures(
    int? Population, int? Children, int Staff, int SocialWorkers, int Psychologists, int Volunteers, int FundedPosts, int VacantPosts,
    int? FamiliesInDifficulty, int? ChildrenWithDisabilities)
{
    public static AreaFigures Empty { get; } = new(null, null, 0, 0, 0, 0, 0, 0, null, null);

    /// <summary>Residents per social worker; infinite where people live but no social worker works.</summary>
    public double? PeoplePerSocialWorker => Per(Population, SocialWorkers);

    public double? ChildrenPerSocialWorker => Per(Children, SocialWorkers);

    public double? FamiliesPerSocialWorker => Per(FamiliesInDifficulty, SocialWorkers);

    /// <summary>Children with disabilities per social worker or psychologist, who share that work.</summary>
    public double? ChildrenWithDisabilitiesPerSpecialist => Per(ChildrenWithDisabilities, SocialWorkers + Psychologists);

    public double? VolunteersPer10000 => Population is > 0 ? Volunteers * 10_000.0 / Population.Value : null;

    /// <summary>The share of funded posts nobody fills, in per cent; null without funded posts.</summary>
    public double? VacancyPercent => FundedPosts > 0 ? VacantPosts * 100.0 / FundedPosts : null;

    public TargetState PeopleTarget(NormTargets targets) => AtMost(PeoplePerSocialWorker, targets.MaxPeoplePerSocialWorker);

    public TargetState ChildrenTarget(NormTargets targets) => AtMost(ChildrenPerSocialWorker, targets.MaxChildrenPerSocialWorker);

    public TargetState VolunteersTarget(NormTargets targets) =>
        targets.MinVolunteersPer10000 is not { } min ? TargetState.NoTarget
        : VolunteersPer10000 is not { } value ? TargetState.NoData
        : value >= min ? TargetState.Met : TargetState.NotMet;

    public TargetState VacancyTarget(NormTargets targets) => AtMost(VacancyPercent, targets.MaxVacancyPercent);

    /// <summary>The figures of several areas together; a population or case load is the sum of those known, null when none is.</summary>
    public static AreaFigures Sum(IEnumerable<AreaFigures> areas)
    {
        var all = areas.ToList();
        return new AreaFigures(
            SumKnown(all.Select(a => a.Population)), SumKnown(all.Select(a => a.Children)), all.Sum(a => a.Staff), all.Sum(a => a.SocialWorkers),
            all.Sum(a => a.Psychologists), all.Sum(a => a.Volunteers), all.Sum(a => a.FundedPosts), all.Sum(a => a.VacantPosts),
            SumKnown(all.Select(a => a.FamiliesInDifficulty)), SumKnown(all.Select(a => a.ChildrenWithDisabilities)));
    }

    public static int? SumKnown(IEnumerable<int?> values)
    {
        var known = values.OfType<int>().ToList();
        return known.Count == 0 ? null : known.Sum();
    }

    private static double? Per(int? many, int few) =>
        many is not { } count ? null
        : few > 0 ? count / (double)few
        : count > 0 ? double.PositiveInfinity : null;

    private static TargetState AtMost(double? value, int? target) =>
        target is not { } max ? TargetState.NoTarget
        : value is not { } v ? TargetState.NoData
        : v <= max ? TargetState.Met : TargetState.NotMet;
}
