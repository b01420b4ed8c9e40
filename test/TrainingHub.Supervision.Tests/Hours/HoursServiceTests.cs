using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests.Hours;

/// <summary>
/// Practice hours over the demo assignments (the demo supervisor supervises four learners of Zhytomyr city, among them
/// the demo learner; Oleksandr Melnyk has no supervisor): who reaches which entries, the daily limit across entries,
/// totals of approved hours, weekly approval, and the events approvals publish. The demo hours are cleared first.
/// </summary>
public abstract class HoursServiceTests(ITestDatabaseServer server) : IAsyncLifetime
{
    // A Friday: the week under review began on Monday 2 March.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock));
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        await db.HoursEntries.ExecuteDeleteAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static DateOnly March(int day) => new(2026, 3, day);

    private async Task<PersonContact> PersonAsync(string email) => (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!;

    private async Task<Guid> AsSuperviseeAsync(string email = "learner@traininghub.example")
    {
        var id = (await PersonAsync(email)).Id;
        _host.User.ActingAs(id, new PermissionGrant(SupervisionPermissions.HoursLog, null));
        return id;
    }

    private async Task AsReviewerAsync(string email = "supervisor@traininghub.example", Guid? areaUnit = null)
    {
        PermissionGrant[] grants = [new(SupervisionPermissions.HoursLog, null), new(SupervisionPermissions.HoursReview, null), new(SupervisionPermissions.Supervise, null)];
        _host.User.ActingAs((await PersonAsync(email)).Id, areaUnit is { } unit ? [.. grants, new(SupervisionPermissions.HoursReviewInArea, unit)] : grants);
    }

    private async Task<Guid> LoggedAsync(decimal hours, DateOnly date, Guid? type = null, bool submit = true)
    {
        var id = (await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = date, Hours = hours, ActivityTypeId = type ?? ActivityType.DirectWork })).Value;
        if (submit)
        {
            Assert.Equal(1, (await _host.Get<HoursLog>().SubmitAsync([id])).Value);
        }
        return id;
    }

    private async Task<Guid> VersionAsync(Guid entryId)
    {
        await using var db = _host.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
        return await db.HoursEntries.Where(e => e.Id == entryId).Select(e => e.Version).SingleAsync();
    }

    [Fact]
    public async Task The_daily_limit_counts_every_entry_of_the_day_and_each_supervisee_reaches_only_their_own()
    {
        await AsSuperviseeAsync();
        var first = await LoggedAsync(20, March(4), submit: false);
        var over = await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = March(4), Hours = 5, ActivityTypeId = ActivityType.Training });
        var fits = await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = March(4), Hours = 4, ActivityTypeId = ActivityType.Training });
        var growing = await _host.Get<HoursLog>().EditAsync(first, await VersionAsync(first),
            new HoursInput { Date = March(4), Hours = 21, ActivityTypeId = ActivityType.DirectWork });
        var unknownType = await _host.Get<HoursLog>().LogAsync(new HoursInput { Date = March(5), Hours = 1, ActivityTypeId = Guid.NewGuid() });
        await AsSuperviseeAsync("h.bondarenko@traininghub.example");
        var othersEdit = await _host.Get<HoursLog>().EditAsync(first, await VersionAsync(first),
            new HoursInput { Date = March(3), Hours = 1, ActivityTypeId = ActivityType.DirectWork });
        var othersDelete = await _host.Get<HoursLog>().DeleteAsync(first, await VersionAsync(first));
        var othersSubmit = await _host.Get<HoursLog>().SubmitAsync([first]);
        var othersList = (await _host.Get<HoursLog>().MineAsync()).Value;

        Assert.Equal("Hours:Error:DayOver", over.Error!.ErrorFor(nameof(HoursInput.Hours)));
        Assert.True(fits.Succeeded);
        Assert.Equal("Hours:Error:DayOver", growing.Error!.ErrorFor(nameof(HoursInput.Hours)));
        Assert.Equal("Hours:Error:TypeRequired", unknownType.Error!.ErrorFor(nameof(HoursInput.ActivityTypeId)));
        Assert.Equal(ErrorKind.NotFound, othersEdit.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, othersDelete.Error!.Kind);
        Assert.Equal("Hours:Error:NothingToSubmit", othersSubmit.Error!.Key);
        Assert.Empty(othersList);
    }

    [Fact]
    public async Task Totals_count_approved_hours_only_per_type_and_period()
    {
        await AsSuperviseeAsync();
        var approved = new[]
        {
            await LoggedAsync(3, March(2)), await LoggedAsync(2.5m, March(3), ActivityType.Training), await LoggedAsync(4, new DateOnly(2026, 2, 20)),
        };
        await LoggedAsync(1, March(4));
        await LoggedAsync(2, March(5), ActivityType.Other, submit: false);
        var rejected = await LoggedAsync(1, March(5), ActivityType.IndirectWork);
        var withdrawn = await LoggedAsync(6, March(5));
        await AsReviewerAsync();
        foreach (var id in approved.Append(withdrawn))
        {
            Assert.True((await _host.Get<HoursReview>().ApproveAsync(id, await VersionAsync(id))).Succeeded);
        }
        Assert.True((await _host.Get<HoursReview>().RejectAsync(rejected, await VersionAsync(rejected), "Це не практика")).Succeeded);
        Assert.True((await _host.Get<HoursReview>().WithdrawAsync(withdrawn, await VersionAsync(withdrawn), "Подвійний запис")).Succeeded);
        await AsSuperviseeAsync();

        var march = (await _host.Get<HoursLog>().TotalsAsync(March(1), March(31))).Value;
        var ever = (await _host.Get<HoursLog>().TotalsAsync(null, null)).Value;

        Assert.Equal([(ActivityType.DirectWork, 3m), (ActivityType.Training, 2.5m)], march.PerType.Select(t => (t.ActivityTypeId, t.Hours)));
        Assert.Equal(5.5m, march.All);
        Assert.Equal([(ActivityType.DirectWork, 7m), (ActivityType.Training, 2.5m)], ever.PerType.Select(t => (t.ActivityTypeId, t.Hours)));
        Assert.Equal("Пряма робота з дітьми та родинами", ever.PerType[0].ActivityName);
    }

    [Fact]
    public async Task A_supervisor_sees_and_signs_only_the_hours_of_the_people_they_supervise()
    {
        await AsSuperviseeAsync();
        var learners = await LoggedAsync(3, March(2));
        await AsSuperviseeAsync("o.melnyk@traininghub.example");
        var unsupervised = await LoggedAsync(3, March(2));
        var ownReview = await _host.Get<HoursReview>().WeeksAsync();
        await AsReviewerAsync();
        var supervisors = (await _host.Get<HoursReview>().WeeksAsync()).Value;
        var waiting = await _host.Get<HoursReview>().WaitingCountAsync();
        var notTheirs = await _host.Get<HoursReview>().ApproveAsync(unsupervised, await VersionAsync(unsupervised));
        await AsReviewerAsync("mentor@traininghub.example");
        var mentors = (await _host.Get<HoursReview>().WeeksAsync()).Value;
        var byMentor = await _host.Get<HoursReview>().ApproveAsync(learners, await VersionAsync(learners));

        Assert.Equal(ErrorKind.Forbidden, ownReview.Error!.Kind);
        var week = Assert.Single(supervisors);
        Assert.Equal(("Оксана Волонтерка", March(2), learners), (week.PersonName, week.WeekOf, Assert.Single(week.Entries).Id));
        Assert.Equal(1, waiting);
        Assert.Equal(ErrorKind.NotFound, notTheirs.Error!.Kind);
        Assert.Empty(mentors);
        Assert.Equal(ErrorKind.NotFound, byMentor.Error!.Kind);
    }

    [Fact]
    public async Task An_administrator_reviews_the_hours_of_people_in_their_area_only()
    {
        await AsSuperviseeAsync();
        var zhytomyr = await LoggedAsync(2, March(3));
        await AsSuperviseeAsync("i.lysenko@traininghub.example");
        var lviv = await LoggedAsync(2, March(3));
        var lvivUnit = (await PersonAsync("i.lysenko@traininghub.example")).HomeUnitId;
        await AsReviewerAsync("admin@traininghub.example", lvivUnit);

        var weeks = (await _host.Get<HoursReview>().WeeksAsync()).Value;
        var outside = await _host.Get<HoursReview>().ApproveAsync(zhytomyr, await VersionAsync(zhytomyr));
        var inside = await _host.Get<HoursReview>().ApproveAsync(lviv, await VersionAsync(lviv));

        Assert.Equal("Ірина Лисенко", Assert.Single(weeks).PersonName);
        Assert.Equal(ErrorKind.NotFound, outside.Error!.Kind);
        Assert.True(inside.Succeeded);
    }

    [Fact]
    public async Task Approving_a_week_signs_every_waiting_entry_of_that_week_and_publishes_each_approval()
    {
        var learner = await AsSuperviseeAsync();
        var monday = await LoggedAsync(3, March(2));
        var wednesday = await LoggedAsync(1.5m, March(4), ActivityType.SupervisionReceived);
        await LoggedAsync(2, new DateOnly(2026, 2, 27));
        await LoggedAsync(2, March(5), submit: false);
        await AsReviewerAsync();
        var before = (await _host.Get<HoursReview>().WeeksAsync()).Value;

        var approved = await _host.Get<HoursReview>().ApproveWeekAsync(learner, March(4));
        var after = (await _host.Get<HoursReview>().WeeksAsync()).Value;
        var approvedWeeks = (await _host.Get<HoursReview>().WeeksAsync(approved: true)).Value;
        var published = await _host.PublishedAsync<PracticeHoursApproved, SupervisionDbContext>();

        Assert.Equal([new DateOnly(2026, 2, 23), March(2)], before.Select(w => w.WeekOf));
        Assert.Equal(2, approved.Value);
        Assert.Equal(new DateOnly(2026, 2, 23), Assert.Single(after).WeekOf);
        Assert.Equal([monday, wednesday], Assert.Single(approvedWeeks).Entries.Select(e => e.Id));
        Assert.Equal([(monday, 3m, "Пряма робота з дітьми та родинами"), (wednesday, 1.5m, "Отримана супервізія")],
            published.OrderByDescending(p => p.Hours).Select(p => (p.EntryId, p.Hours, p.ActivityName)));
        Assert.All(published, p => Assert.Equal(learner, p.PersonId));
    }

    [Fact]
    public async Task Only_a_reviewer_withdraws_an_approval_with_a_reason_and_the_withdrawal_is_published()
    {
        await AsSuperviseeAsync();
        var id = await LoggedAsync(3, March(2));
        await AsReviewerAsync();
        var read = await VersionAsync(id);
        Assert.True((await _host.Get<HoursReview>().ApproveAsync(id, read)).Succeeded);
        var stale = await _host.Get<HoursReview>().WithdrawAsync(id, read, "Помилка");
        await AsSuperviseeAsync();
        var bySupervisee = await _host.Get<HoursReview>().WithdrawAsync(id, await VersionAsync(id), "Хочу змінити");
        var editApproved = await _host.Get<HoursLog>().EditAsync(id, await VersionAsync(id), new HoursInput { Date = March(2), Hours = 5, ActivityTypeId = ActivityType.DirectWork });
        await AsReviewerAsync();
        var withoutReason = await _host.Get<HoursReview>().WithdrawAsync(id, await VersionAsync(id), " ");
        var withdrawn = await _host.Get<HoursReview>().WithdrawAsync(id, await VersionAsync(id), "Години вже в іншому записі");
        await AsSuperviseeAsync();
        var row = Assert.Single((await _host.Get<HoursLog>().MineAsync()).Value);

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, bySupervisee.Error!.Kind);
        Assert.Equal("Hours:Error:Locked", editApproved.Error!.Key);
        Assert.Equal("Hours:Error:ReasonRequired", withoutReason.Error!.ErrorFor("Reason"));
        Assert.True(withdrawn.Succeeded);
        Assert.Equal((HoursState.Draft, true, "Години вже в іншому записі"), (row.State, row.ApprovalWithdrawn, row.ReviewReason));
        var published = Assert.Single(await _host.PublishedAsync<PracticeHoursApprovalWithdrawn, SupervisionDbContext>());
        Assert.Equal(id, published.EntryId);
    }
}

public sealed class HoursServiceOnSqlite(SqliteServer server) : HoursServiceTests(server), IClassFixture<SqliteServer>;

public sealed class HoursServiceOnPostgreSql(PostgreSqlServer server) : HoursServiceTests(server), IClassFixture<PostgreSqlServer>;
