using Microsoft.Extensions.Time.Testing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Hours;

namespace TrainingHub.Supervision.Tests.Hours;

/// <summary>The states an entry of practice hours goes through, and what each allows, on a fake clock.</summary>
public sealed class PracticeHoursEntryTests
{
    private static readonly Guid Supervisee = Guid.NewGuid();
    private static readonly Guid Supervisor = Guid.NewGuid();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private HoursInput Input(decimal? hours = 3, int daysAgo = 1) => new()
    {
        Date = Today.AddDays(-daysAgo), Hours = hours, ActivityTypeId = ActivityType.DirectWork, Setting = " Домашній візит ", Description = "Сім'я Н.",
    };

    private PracticeHoursEntry Draft(decimal hours = 3) => PracticeHoursEntry.Log(Supervisee, Guid.NewGuid(), Input(hours), Today, 0, _clock.GetUtcNow()).Value;

    private PracticeHoursEntry Submitted()
    {
        var entry = Draft();
        Assert.True(entry.Submit(_clock.GetUtcNow()).Succeeded);
        return entry;
    }

    [Fact]
    public void A_logged_entry_is_a_draft_with_its_texts_trimmed()
    {
        var entry = Draft();

        Assert.Equal((HoursState.Draft, 3m, "Домашній візит", true), (entry.State, entry.Hours, entry.Setting, entry.IsEditable));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(24.5)]
    [InlineData(1.255)]
    public void Hours_are_positive_at_most_a_day_and_in_hundredths(double hours)
    {
        var logged = PracticeHoursEntry.Log(Supervisee, Guid.NewGuid(), Input((decimal)hours), Today, 0, _clock.GetUtcNow());

        Assert.Equal("Hours:Error:Hours", logged.Error!.ErrorFor(nameof(HoursInput.Hours)));
    }

    [Fact]
    public void A_day_holds_at_most_24_hours_across_the_persons_entries()
    {
        var over = PracticeHoursEntry.Log(Supervisee, Guid.NewGuid(), Input(5), Today, 20, _clock.GetUtcNow());
        var exactly = PracticeHoursEntry.Log(Supervisee, Guid.NewGuid(), Input(4), Today, 20, _clock.GetUtcNow());
        var edited = Draft().Edit(Input(10), Today, 16);

        Assert.Equal("Hours:Error:DayOver", over.Error!.ErrorFor(nameof(HoursInput.Hours)));
        Assert.True(exactly.Succeeded);
        Assert.Equal("Hours:Error:DayOver", edited.Error!.ErrorFor(nameof(HoursInput.Hours)));
    }

    [Fact]
    public void Hours_are_not_logged_for_a_day_to_come_nor_without_a_type()
    {
        var input = Input(daysAgo: -1);
        input.ActivityTypeId = null;

        var logged = PracticeHoursEntry.Log(Supervisee, Guid.NewGuid(), input, Today, 0, _clock.GetUtcNow());

        Assert.Equal("Hours:Error:DateInFuture", logged.Error!.ErrorFor(nameof(HoursInput.Date)));
        Assert.Equal("Hours:Error:TypeRequired", logged.Error.ErrorFor(nameof(HoursInput.ActivityTypeId)));
    }

    [Fact]
    public void A_submitted_entry_is_locked_for_the_supervisee_and_approved_by_the_supervisor()
    {
        var entry = Submitted();
        var edit = entry.Edit(Input(2), Today, 0);
        var again = entry.Submit(_clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromDays(1));

        var approved = entry.Approve(Supervisor, _clock.GetUtcNow());

        Assert.Equal("Hours:Error:Locked", edit.Error!.Key);
        Assert.Equal("Hours:Error:Locked", again.Error!.Key);
        Assert.True(approved.Succeeded);
        Assert.Equal((HoursState.Approved, Supervisor, _clock.GetUtcNow(), false), (entry.State, entry.ReviewedById, entry.ReviewedAt, entry.IsEditable));
    }

    [Fact]
    public void Only_a_submitted_entry_is_approved_or_rejected_and_nobody_signs_their_own()
    {
        var draft = Draft();
        var submitted = Submitted();

        Assert.Equal("Hours:Error:NotSubmitted", draft.Approve(Supervisor, _clock.GetUtcNow()).Error!.Key);
        Assert.Equal("Hours:Error:NotSubmitted", draft.Reject(Supervisor, "Ні", _clock.GetUtcNow()).Error!.Key);
        Assert.Equal(ErrorKind.Forbidden, submitted.Approve(Supervisee, _clock.GetUtcNow()).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, submitted.Reject(Supervisee, "Ні", _clock.GetUtcNow()).Error!.Kind);
        Assert.Equal(HoursState.Submitted, submitted.State);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_sends_the_entry_back_to_be_changed_and_submitted_again()
    {
        var entry = Submitted();
        var withoutReason = entry.Reject(Supervisor, "  ", _clock.GetUtcNow());

        var rejected = entry.Reject(Supervisor, " Вкажіть, яка це була робота. ", _clock.GetUtcNow());
        var stateAfterRejection = (entry.State, entry.IsEditable, entry.ReviewReason);
        var edited = entry.Edit(Input(2), Today, 0);
        var stateAfterEdit = entry.State;
        var resubmitted = entry.Submit(_clock.GetUtcNow());

        Assert.Equal("Hours:Error:ReasonRequired", withoutReason.Error!.ErrorFor("Reason"));
        Assert.True(rejected.Succeeded && edited.Succeeded && resubmitted.Succeeded);
        Assert.Equal((HoursState.Rejected, true, "Вкажіть, яка це була робота."), stateAfterRejection);
        Assert.Equal(HoursState.Draft, stateAfterEdit);
        Assert.Equal((HoursState.Submitted, 2m), (entry.State, entry.Hours));
    }

    [Fact]
    public void A_rejected_entry_may_be_submitted_again_unchanged()
    {
        var entry = Submitted();
        entry.Reject(Supervisor, "Перевірте дату", _clock.GetUtcNow());

        Assert.True(entry.Submit(_clock.GetUtcNow()).Succeeded);
        Assert.Equal(HoursState.Submitted, entry.State);
    }

    [Fact]
    public void An_approved_entry_is_locked_until_a_reviewer_withdraws_the_approval_with_a_reason()
    {
        var entry = Submitted();
        entry.Approve(Supervisor, _clock.GetUtcNow());

        var edit = entry.Edit(Input(1), Today, 0);
        var reject = entry.Reject(Supervisor, "Ні", _clock.GetUtcNow());
        var bySupervisee = entry.Withdraw(Supervisee, "Помилка", _clock.GetUtcNow());
        var withoutReason = entry.Withdraw(Supervisor, null, _clock.GetUtcNow());
        var stillApproved = entry.State;
        _clock.Advance(TimeSpan.FromDays(2));
        var withdrawn = entry.Withdraw(Supervisor, "Години вже враховано в іншому записі", _clock.GetUtcNow());

        Assert.Equal("Hours:Error:Locked", edit.Error!.Key);
        Assert.Equal("Hours:Error:NotSubmitted", reject.Error!.Key);
        Assert.Equal(ErrorKind.Forbidden, bySupervisee.Error!.Kind);
        Assert.Equal("Hours:Error:ReasonRequired", withoutReason.Error!.ErrorFor("Reason"));
        Assert.Equal(HoursState.Approved, stillApproved);
        Assert.True(withdrawn.Succeeded);
        Assert.Equal((HoursState.Draft, true, "Години вже враховано в іншому записі", _clock.GetUtcNow()),
            (entry.State, entry.ApprovalWithdrawn, entry.ReviewReason, entry.ReviewedAt));
        Assert.Equal("Hours:Error:NotApproved", entry.Withdraw(Supervisor, "Знову", _clock.GetUtcNow()).Error!.Key);
    }

    [Theory]
    [InlineData(2026, 3, 2, 2026, 3, 2)]
    [InlineData(2026, 3, 8, 2026, 3, 2)]
    [InlineData(2026, 3, 4, 2026, 3, 2)]
    public void Weeks_start_on_Monday(int year, int month, int day, int mondayYear, int mondayMonth, int mondayDay) =>
        Assert.Equal(new DateOnly(mondayYear, mondayMonth, mondayDay), HoursRules.WeekOf(new DateOnly(year, month, day)));
}
