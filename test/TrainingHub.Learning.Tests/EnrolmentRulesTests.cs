using Microsoft.Extensions.Time.Testing;
using TrainingHub.Learning.Domain;
using TrainingHub.Learning.Services;

namespace TrainingHub.Learning.Tests;

/// <summary>Progress, standing and due dates: the rules a learner sees on every card, against a clock the test moves.</summary>
public sealed class EnrolmentRulesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0, 3, 0)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 66)]
    [InlineData(3, 3, 100)]
    [InlineData(4, 3, 100)]
    [InlineData(0, 0, 0)]
    public void Progress_is_whole_per_cent_of_the_lessons_done_and_never_above_a_hundred(int done, int lessons, int percent) =>
        Assert.Equal(percent, EnrolmentRules.ProgressPercent(done, lessons));

    [Fact]
    public void A_course_is_due_soon_within_seven_days_overdue_once_its_time_has_passed_and_never_either_once_completed()
    {
        var due = _clock.GetUtcNow().AddDays(10);
        var standings = new List<Standing>();
        foreach (var days in new[] { 0, 3, 1, 6, 1 })
        {
            _clock.Advance(TimeSpan.FromDays(days));
            standings.Add(EnrolmentRules.StandingOf(EnrolmentStatus.Active, due, _clock.GetUtcNow()));
        }

        Assert.Equal([Standing.InProgress, Standing.DueSoon, Standing.DueSoon, Standing.DueSoon, Standing.Overdue], standings);
        Assert.Equal(Standing.InProgress, EnrolmentRules.StandingOf(EnrolmentStatus.Active, null, _clock.GetUtcNow().AddYears(3)));
        Assert.Equal(Standing.Completed, EnrolmentRules.StandingOf(EnrolmentStatus.Completed, due, due.AddDays(30)));
        Assert.Equal(Standing.Withdrawn, EnrolmentRules.StandingOf(EnrolmentStatus.Withdrawn, due, due.AddDays(30)));
    }

    [Fact]
    public void A_relative_due_date_counts_from_each_enrolment_and_a_fixed_one_ends_with_the_day_in_Kyiv()
    {
        var enrolledAt = _clock.GetUtcNow();

        var relative = EnrolmentRules.DueAt(new DueDateInput { Kind = DueKind.Relative, Days = 30 }, enrolledAt);
        var later = EnrolmentRules.DueAt(new DueDateInput { Kind = DueKind.Relative, Days = 30 }, enrolledAt.AddDays(5));
        var summer = EnrolmentRules.DueAt(new DueDateInput { Kind = DueKind.Fixed, FixedDate = new DateTime(2026, 7, 15) }, enrolledAt);
        var winter = EnrolmentRules.DueAt(new DueDateInput { Kind = DueKind.Fixed, FixedDate = new DateTime(2026, 3, 20) }, enrolledAt);

        Assert.Equal(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero), relative);
        Assert.Equal(new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero), later);
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 20, 59, 59, TimeSpan.Zero), summer);
        Assert.Equal(new DateTimeOffset(2026, 3, 20, 21, 59, 59, TimeSpan.Zero), winter);
        Assert.Equal(new DateOnly(2026, 7, 15), EnrolmentRules.DueDay(summer!.Value));
        Assert.Null(EnrolmentRules.DueAt(new DueDateInput { Kind = DueKind.None }, enrolledAt));
    }

    [Fact]
    public void A_due_date_in_the_past_a_missing_date_and_days_out_of_range_are_refused_with_a_message_for_the_field()
    {
        var now = _clock.GetUtcNow();

        Assert.Equal("Error:DueDateInPast", Assert.Single(EnrolmentRules.Check(new DueDateInput { Kind = DueKind.Fixed, FixedDate = new DateTime(2026, 3, 1) }, now)).Key);
        Assert.Equal("Error:DueDateRequired", Assert.Single(EnrolmentRules.Check(new DueDateInput { Kind = DueKind.Fixed }, now)).Key);
        Assert.Empty(EnrolmentRules.Check(new DueDateInput { Kind = DueKind.Fixed, FixedDate = new DateTime(2026, 3, 2) }, now));
        Assert.Equal("Error:DueDaysRange", Assert.Single(EnrolmentRules.Check(new DueDateInput { Kind = DueKind.Relative, Days = 0 }, now)).Key);
        Assert.Equal("Error:DueDaysRange", Assert.Single(EnrolmentRules.Check(new DueDateInput { Kind = DueKind.Relative, Days = 731 }, now)).Key);
        Assert.Empty(EnrolmentRules.Check(new DueDateInput { Kind = DueKind.None, Days = 0 }, now));
    }

    [Fact]
    public void Continue_leads_to_the_first_lesson_not_done_or_to_the_start_when_everything_is()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();

        Assert.Equal(b, LessonProgress.Continue([a, b, c], new HashSet<Guid> { a, c }));
        Assert.Equal(a, LessonProgress.Continue([a, b, c], new HashSet<Guid> { a, b, c }));
        Assert.Null(LessonProgress.Continue([], new HashSet<Guid>()));
    }
}
