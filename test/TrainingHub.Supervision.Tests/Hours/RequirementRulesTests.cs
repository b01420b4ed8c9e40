using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Hours;

namespace TrainingHub.Supervision.Tests.Hours;

/// <summary>What a position may ask for: whole positive hours, each type once, the parts within the total.</summary>
public sealed class RequirementRulesTests
{
    private static readonly Guid[] Types = [ActivityType.DirectWork, ActivityType.SupervisionReceived, ActivityType.Training];
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 9, 0, 0, TimeSpan.Zero);

    private static RequirementInput Input(int? total, params (Guid? Type, int? Hours)[] parts) => new()
    {
        TotalHours = total, Parts = [.. parts.Select(p => new RequirementPartInput { ActivityTypeId = p.Type, Hours = p.Hours })],
    };

    private static Error? Refusal(RequirementInput input) => HoursRequirement.For(Guid.NewGuid(), input, Types, Now).Error;

    [Fact]
    public void A_social_assistant_asked_for_120_hours_of_which_80_direct_work_reads_as_a_line_in_all_then_one_per_type()
    {
        var requirement = HoursRequirement.For(Guid.NewGuid(), Input(120, (ActivityType.DirectWork, 80)), Types, Now).Value;

        Assert.Equal([new RequirementLine(null, 120), new RequirementLine(ActivityType.DirectWork, 80)], requirement.Lines());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(RequirementRules.MaxHoursPerYear + 1)]
    public void The_total_is_whole_positive_hours_within_a_working_year(int? total)
    {
        Assert.Equal("Requirements:Error:Hours", Refusal(Input(total))!.ErrorFor(nameof(RequirementInput.TotalHours)));
    }

    [Fact]
    public void Each_part_names_a_known_type_once_with_positive_hours()
    {
        var error = Refusal(Input(100, (ActivityType.DirectWork, 20), (null, 10), (Guid.NewGuid(), 10), (ActivityType.DirectWork, 5), (ActivityType.Training, 0)))!;

        Assert.Null(error.ErrorFor("Parts[0].ActivityTypeId"));
        Assert.Equal("Hours:Error:TypeRequired", error.ErrorFor("Parts[1].ActivityTypeId"));
        Assert.Equal("Hours:Error:TypeRequired", error.ErrorFor("Parts[2].ActivityTypeId"));
        Assert.Equal("Requirements:Error:TypeTwice", error.ErrorFor("Parts[3].ActivityTypeId"));
        Assert.Equal("Requirements:Error:Hours", error.ErrorFor("Parts[4].Hours"));
    }

    [Fact]
    public void The_parts_together_may_fill_the_total_but_not_go_beyond_it()
    {
        var over = Refusal(Input(100, (ActivityType.DirectWork, 80), (ActivityType.Training, 30)))!;

        Assert.Null(Refusal(Input(100, (ActivityType.DirectWork, 80), (ActivityType.Training, 20))));
        var field = Assert.Single(over.Fields);
        Assert.Equal(("Parts", "Requirements:Error:PartsOverTotal"), (field.Field, field.Key));
        Assert.Equal(new object[] { 110, 100 }, field.Arguments);
    }

    [Fact]
    public void A_change_keeps_a_part_of_the_same_type_drops_the_parts_left_out_and_adds_new_ones()
    {
        var requirement = HoursRequirement.For(Guid.NewGuid(), Input(120, (ActivityType.DirectWork, 80), (ActivityType.Training, 10)), Types, Now).Value;
        var direct = requirement.Parts.Single(p => p.ActivityTypeId == ActivityType.DirectWork);

        var changed = requirement.Change(Input(150, (ActivityType.SupervisionReceived, 12), (ActivityType.DirectWork, 90)), Types, Now.AddDays(1));
        var refused = requirement.Change(Input(50, (ActivityType.DirectWork, 90)), Types, Now.AddDays(2));

        Assert.True(changed.Succeeded);
        Assert.Same(direct, requirement.Parts.Single(p => p.ActivityTypeId == ActivityType.DirectWork));
        Assert.Equal([(ActivityType.DirectWork, 90), (ActivityType.SupervisionReceived, 12)], requirement.Parts.Select(p => (p.ActivityTypeId, p.Hours)));
        Assert.Equal((150, Now.AddDays(1)), (requirement.TotalHours, requirement.UpdatedAt));
        Assert.Equal("Requirements:Error:PartsOverTotal", refused.Error!.ErrorFor("Parts"));
        Assert.Equal(150, requirement.TotalHours);
    }
}
