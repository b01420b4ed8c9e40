using System.Text.Json;
using TrainingHub.Pathways.Requirements;

namespace TrainingHub.Pathways.Tests.Requirements;

/// <summary>
/// Worked examples of a stage's requirements judged against what is known of a person on 6 December 2026: every kind
/// of requirement met and not yet, with what is missing; nested all-of and any-of groups; a deleted course flagged; the
/// month boundary of time in a stage; and the tree as templates store it in JSON.
/// </summary>
public sealed class RequirementEvaluationTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly Guid FirstAid = Guid.NewGuid();
    private static readonly Guid Inclusion = Guid.NewGuid();
    private static readonly Guid Deleted = Guid.NewGuid();
    private static readonly Guid Retired = Guid.NewGuid();
    private static readonly Guid DirectWork = Guid.NewGuid();
    private static readonly Guid Training = Guid.NewGuid();

    private static PersonFacts Facts(DateOnly? inStageSince = null, DateOnly? mentoring = null) => new(
        Today,
        inStageSince ?? new DateOnly(2026, 6, 6),
        new Dictionary<Guid, DateOnly> { [FirstAid] = new(2026, 10, 1) },
        new Dictionary<Guid, CourseFact>
        {
            [FirstAid] = new("Перша допомога", false), [Inclusion] = new("Інклюзія", false), [Retired] = new("Стара програма", true),
        },
        new Dictionary<string, int> { ["CP.1.1"] = 3, ["CP.2.4"] = 1 },
        new Dictionary<Guid, decimal> { [DirectWork] = 38.5m, [Training] = 12m },
        SignedSupervisions: 4,
        MentoringCompletedOn: mentoring,
        new Dictionary<string, DateOnly> { ["Coordinator"] = new(2026, 11, 30) });

    private static RequirementResult Judge(Requirement requirement, PersonFacts? facts = null) => RequirementEvaluation.Evaluate(requirement, facts ?? Facts());

    [Fact]
    public void Each_kind_of_requirement_says_whether_it_is_met_and_with_what()
    {
        Assert.Equal((Outcome.Met, "Requirement:Course:Met"), Pair(Judge(new CourseCompleted(FirstAid))));
        Assert.Equal(["Перша допомога", new DateOnly(2026, 10, 1)], Judge(new CourseCompleted(FirstAid)).Arguments);
        Assert.Equal((Outcome.NotYet, "Requirement:Course:NotYet"), Pair(Judge(new CourseCompleted(Inclusion))));
        Assert.Equal(["Інклюзія"], Judge(new CourseCompleted(Inclusion)).Arguments);
        Assert.Equal((Outcome.Met, "Requirement:Competency:Met"), Pair(Judge(new CompetencyAtLevel("CP.1.1", 3))));
        Assert.Equal([ "CP.2.4", 1, 2 ], Judge(new CompetencyAtLevel("CP.2.4", 2)).Arguments);
        Assert.Equal([ "CP.9.9", 0, 1 ], Judge(new CompetencyAtLevel("CP.9.9", 1)).Arguments);
        Assert.Equal(Outcome.Met, Judge(new PracticeHours(50)).Outcome);
        Assert.Equal([ 38.5m, 40m, 1.5m ], Judge(new PracticeHours(40, DirectWork)).Arguments);
        Assert.Equal(Outcome.NotYet, Judge(new PracticeHours(1, Guid.NewGuid())).Outcome);
        Assert.Equal(Outcome.Met, Judge(new SupervisionSessions(4)).Outcome);
        Assert.Equal(Outcome.NotYet, Judge(new SupervisionSessions(5)).Outcome);
        Assert.Equal(Outcome.NotYet, Judge(new MentoringCompleted()).Outcome);
        Assert.Equal(Outcome.Met, Judge(new MentoringCompleted(), Facts(mentoring: new DateOnly(2026, 9, 1))).Outcome);
        Assert.Equal(Outcome.Met, Judge(new SignOff("Coordinator")).Outcome);
        Assert.Equal((Outcome.NotYet, "Requirement:SignOff:NotYet"), Pair(Judge(new SignOff("Supervisor"))));
    }

    [Fact]
    public void A_course_that_no_longer_exists_is_flagged_not_met_and_keeps_an_all_of_group_from_being_met()
    {
        var broken = Judge(new CourseCompleted(Deleted));
        var group = Judge(new AllOf([new CourseCompleted(FirstAid), new CourseCompleted(Deleted)]));
        var either = Judge(new AnyOf([new CourseCompleted(FirstAid), new CourseCompleted(Deleted)]));

        Assert.Equal((Outcome.Broken, "Requirement:Course:Missing"), Pair(broken));
        Assert.Equal(Outcome.NotYet, group.Outcome);
        Assert.Equal(Outcome.Broken, group.Parts[1].Outcome);
        Assert.Equal(Outcome.Met, either.Outcome);
    }

    [Fact]
    public void An_archived_course_is_flagged_for_those_who_have_not_completed_it_and_still_counts_for_those_who_have()
    {
        var completed = Facts() with { CompletedCourses = new Dictionary<Guid, DateOnly> { [Retired] = new(2025, 3, 1) } };

        Assert.Equal((Outcome.Broken, "Requirement:Course:Archived"), Pair(Judge(new CourseCompleted(Retired))));
        Assert.Equal(Outcome.Met, Judge(new CourseCompleted(Retired), completed).Outcome);
    }

    [Theory]
    [InlineData(2026, 6, 6, true)]
    [InlineData(2026, 6, 7, false)]
    [InlineData(2026, 12, 6, false)]
    public void Six_months_in_a_stage_are_reached_on_the_same_day_six_months_on(int year, int month, int day, bool met)
    {
        var result = Judge(new TimeInStage(6), Facts(inStageSince: new DateOnly(year, month, day)));

        Assert.Equal(met, result.Met);
        if (!met)
        {
            Assert.Equal(new DateOnly(year, month, day).AddMonths(6), result.Arguments[2]);
        }
    }

    [Fact]
    public void Nested_groups_count_their_parts_and_need_all_or_any_of_them()
    {
        // All of: first aid, and any of (inclusion course, or 40 h direct work and a coordinator's sign-off), and 6 sessions.
        var stage = new AllOf(
        [
            new CourseCompleted(FirstAid),
            new AnyOf([new CourseCompleted(Inclusion), new AllOf([new PracticeHours(30, DirectWork), new SignOff("Coordinator")])]),
            new SupervisionSessions(6),
        ]);

        var result = Judge(stage);

        Assert.Equal((Outcome.NotYet, 2, 3), (result.Outcome, result.Arguments[0], result.Arguments[1]));
        Assert.Equal([Outcome.Met, Outcome.Met, Outcome.NotYet], result.Parts.Select(p => p.Outcome));
        Assert.Equal([Outcome.NotYet, Outcome.Met], result.Parts[1].Parts.Select(p => p.Outcome));
        Assert.True(Judge(new AllOf([])).Met);
        Assert.False(Judge(new AnyOf([])).Met);
    }

    [Fact]
    public void A_tree_is_stored_as_json_by_kind_and_read_back_the_same()
    {
        Requirement stage = new AllOf([new CompetencyAtLevel("CP.1.1", 2), new AnyOf([new PracticeHours(40, DirectWork), new MentoringCompleted()]), new TimeInStage(3)]);

        var json = JsonSerializer.Serialize(stage, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<Requirement>(json, JsonSerializerOptions.Web)!;

        Assert.StartsWith("{\"type\":\"allOf\",\"items\":[{\"type\":\"competency\",\"competency\":\"CP.1.1\",\"level\":2}", json);
        Assert.Equal(json, JsonSerializer.Serialize(back, JsonSerializerOptions.Web));
        Assert.Equal(Judge(stage).Outcome, Judge(back).Outcome);
    }

    private static (Outcome, string) Pair(RequirementResult result) => (result.Outcome, result.Key);
}
