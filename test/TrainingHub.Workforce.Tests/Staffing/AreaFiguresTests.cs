using TrainingHub.Workforce.Norms;
using TrainingHub.Workforce.Staffing;

namespace TrainingHub.Workforce.Tests.Staffing;

/// <summary>The ratios a planner reads and how they stand against the national targets.</summary>
public sealed class AreaFiguresTests
{
    private static readonly NormTargets Targets = new() { MaxPeoplePerSocialWorker = 5_000, MaxChildrenPerSocialWorker = 1_000, MinVolunteersPer10000 = 2, MaxVacancyPercent = 10 };

    private static AreaFigures Area(int? population = 20_000, int? children = 4_000, int socialWorkers = 4, int psychologists = 0, int volunteers = 3,
        int funded = 10, int vacant = 1, int? families = 60, int? disabled = 30) =>
        new(population, children, socialWorkers + psychologists + volunteers, socialWorkers, psychologists, volunteers, funded, vacant, families, disabled);

    [Fact]
    public void A_hromada_of_twenty_thousand_with_four_social_workers_has_five_thousand_residents_for_each_and_meets_the_norm()
    {
        var area = Area();

        Assert.Equal(5_000, area.PeoplePerSocialWorker);
        Assert.Equal(1_000, area.ChildrenPerSocialWorker);
        Assert.Equal(15, area.FamiliesPerSocialWorker);
        Assert.Equal(1.5, area.VolunteersPer10000);
        Assert.Equal(10, area.VacancyPercent);
        Assert.Equal(TargetState.Met, area.PeopleTarget(Targets));
        Assert.Equal(TargetState.Met, area.ChildrenTarget(Targets));
        Assert.Equal(TargetState.Met, area.VacancyTarget(Targets));
        Assert.Equal(TargetState.NotMet, area.VolunteersTarget(Targets));
    }

    [Fact]
    public void Psychologists_share_the_children_with_disabilities_but_not_the_residents()
    {
        var area = Area(socialWorkers: 2, psychologists: 1, disabled: 30);

        Assert.Equal(10, area.ChildrenWithDisabilitiesPerSpecialist);
        Assert.Equal(10_000, area.PeoplePerSocialWorker);
        Assert.Equal(TargetState.NotMet, area.PeopleTarget(Targets));
    }

    [Fact]
    public void Where_people_live_and_no_social_worker_works_the_ratio_is_unbounded_and_misses_the_target()
    {
        var area = Area(socialWorkers: 0);

        Assert.Equal(double.PositiveInfinity, area.PeoplePerSocialWorker);
        Assert.Equal(TargetState.NotMet, area.PeopleTarget(Targets));
    }

    [Fact]
    public void Without_a_population_or_funded_posts_there_is_nothing_to_judge_and_without_a_target_nothing_is_judged()
    {
        var area = Area(population: null, children: null, funded: 0, vacant: 0);

        Assert.Null(area.PeoplePerSocialWorker);
        Assert.Null(area.VolunteersPer10000);
        Assert.Null(area.VacancyPercent);
        Assert.Equal(TargetState.NoData, area.PeopleTarget(Targets));
        Assert.Equal(TargetState.NoData, area.VolunteersTarget(Targets));
        Assert.Equal(TargetState.NoData, area.VacancyTarget(Targets));
        Assert.Equal(TargetState.NoTarget, Area().PeopleTarget(new NormTargets()));
    }

    [Fact]
    public void Areas_add_up_with_only_the_populations_and_case_loads_that_are_known()
    {
        var sum = AreaFigures.Sum([Area(population: 10_000, families: null), Area(population: null, families: 40), Area(population: 5_000, families: null)]);

        Assert.Equal(15_000, sum.Population);
        Assert.Equal(40, sum.FamiliesInDifficulty);
        Assert.Equal(12, sum.SocialWorkers);
        Assert.Equal(3, sum.VacantPosts);
        Assert.Null(AreaFigures.Sum([Area(families: null)]).FamiliesInDifficulty);
    }
}
