using Microsoft.EntityFrameworkCore;
using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Reports;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Certificates;

/// <summary>
/// Renewing the social assistant's certificate Vasyl holds, on both databases: renewal opens 90 days before it expires
/// and closes 6 months after; it may ask for hours of professional development, a refresher course completed since the
/// certificate was issued, or both (either suffices); renewed, a new certificate follows on from the old one, which keeps
/// its dates and its reminders stop. Vasyl or a coordinator over his unit renews it, nobody else.
/// </summary>
public abstract class RenewalTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private static readonly CourseReference Refresher = new(Guid.NewGuid(), "Захист дітей: оновлення знань", null, null, false);

    private PathwayScenario _scenario = null!;
    private DateOnly _today;

    private ModuleTestHost Host => _scenario.Host;

    private CertificateRegister Register => Host.Get<CertificateRegister>();

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server);
        await _scenario.ApproveAsync();
        _scenario.Others.Courses.Add(Refresher);
        _today = DailyRuns.DayOf(DateTimeOffset.UtcNow);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    /// <summary>The certificate his approval issued (the first he holds).</summary>
    private async Task<Certificate> CertificateAsync() => (await AllAsync())[0];

    private async Task<List<Certificate>> AllAsync()
    {
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        return (await db.Certificates.AsNoTracking().Where(c => c.PersonId == _scenario.Vasyl).ToListAsync()).OrderBy(c => c.IssuedAt).ToList();
    }

    /// <summary>
    /// Moves his certificate's dates: issued and valid until the days given, issued at the start of the Kyiv day, so that
    /// a certificate issued now (later that day) always comes after it, even in the hours after Kyiv's midnight.
    /// </summary>
    private async Task DateAsync(DateOnly validUntil, DateOnly? issuedOn = null)
    {
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        var issued = issuedOn ?? _today;
        await db.Certificates.ExecuteUpdateAsync(c => c
            .SetProperty(x => x.ValidUntil, validUntil).SetProperty(x => x.IssuedOn, issued)
            .SetProperty(x => x.IssuedAt, DailyRuns.At(issued, TimeOnly.MinValue).ToUniversalTime()));
    }

    /// <summary>What renewing the social assistant's certificate asks, as the stage's editor would set it.</summary>
    private async Task AskAsync(decimal? hours, Guid? course)
    {
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        var template = await db.Templates.SingleAsync(t => t.Code == PathwayScenario.Pathway);
        await db.Stages.Where(s => s.TemplateId == template.Id && s.Position == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RenewalCpdHours, hours).SetProperty(x => x.RenewalCourseId, course));
    }

    private async Task<CertificateLine> HisLineAsync()
    {
        var id = (await CertificateAsync()).Id;
        return (await Register.ForPersonAsync(_scenario.Vasyl)).Value.Certificates.Single(c => c.Id == id);
    }

    private async Task<Result<Guid>> RenewAsync() => await Register.RenewAsync((await CertificateAsync()).Id, (await CertificateAsync()).Version);

    /// <summary>Training hours approved in his record for a year (counted in professional development).</summary>
    private void TrainingHours(int year, decimal hours) =>
        _scenario.Others.YearRecords[(_scenario.Vasyl, year)] = new SupervisionRecord([new ApprovedHours(BuiltInActivityTypes.Training, hours)], 0, null);

    private void Completed(Guid courseId, DateTimeOffset at) =>
        _scenario.Others.Completions[_scenario.Vasyl] = [new CourseCompletion(courseId, null, Refresher.Title, null, at)];

    [Fact]
    public async Task Renewal_opens_90_days_before_expiry_and_not_91()
    {
        _scenario.AsVasyl();
        await DateAsync(_today.AddDays(91));
        var closed = await HisLineAsync();
        var early = await RenewAsync();
        await DateAsync(_today.AddDays(90));
        var open = await HisLineAsync();
        var renewed = await RenewAsync();

        Assert.Null(closed.Renewal);
        Assert.Equal("Certificates:Error:RenewTooEarly", early.Error!.Key);
        Assert.True(open.Renewal!.Met);
        Assert.Empty(open.Renewal.Items);
        Assert.True(renewed.Succeeded, renewed.Error?.Key);
    }

    [Fact]
    public async Task Expired_six_months_ago_it_can_no_longer_be_renewed_but_a_day_less_it_can_and_the_new_one_runs_from_today()
    {
        _scenario.AsVasyl();
        await DateAsync(_today.AddMonths(-6), _today.AddMonths(-42));
        var late = await RenewAsync();
        var lateLine = await HisLineAsync();
        await DateAsync(_today.AddMonths(-6).AddDays(1), _today.AddMonths(-42));
        var renewed = await RenewAsync();

        Assert.Equal("Certificates:Error:RenewTooLate", late.Error!.Key);
        Assert.Null(lateLine.Renewal);
        Assert.True(renewed.Succeeded, renewed.Error?.Key);
        var fresh = (await AllAsync()).Single(c => c.Id == renewed.Value);
        Assert.Equal((_today, _today.AddMonths(36)), (fresh.IssuedOn, fresh.ValidUntil));
    }

    [Fact]
    public async Task Renewed_before_it_expires_the_new_certificate_follows_on_the_old_keeps_its_dates_and_its_reminders_stop()
    {
        await AskAsync(20m, Refresher.Id);
        var expires = _today.AddDays(30);
        await DateAsync(expires);
        await Host.DeliverEventsAsync();
        var old = await CertificateAsync();
        Completed(Refresher.Id, old.IssuedAt.AddHours(2));
        _scenario.AsVasyl();

        var renewed = await RenewAsync();
        var again = await RenewAsync();
        await Host.DeliverEventsAsync();

        Assert.True(renewed.Succeeded, renewed.Error?.Key);
        Assert.Equal("Certificates:Error:AlreadyRenewed", again.Error!.Key);
        var (before, after) = ((await AllAsync()).Single(c => c.Id == old.Id), (await AllAsync()).Single(c => c.Id == renewed.Value));
        Assert.Equal(renewed.Value, before.RenewedWithId);
        Assert.Equal(_scenario.Vasyl, before.RenewedById);
        Assert.Equal((old.IssuedOn, expires), (before.IssuedOn, before.ValidUntil));
        Assert.NotEqual(old.Number, after.Number);
        Assert.Matches("^TH-([23456789A-HJKMNP-Z]{4}-){3}[23456789A-HJKMNP-Z]{4}$", after.Number);
        Assert.Equal((3, "Соціальний помічник", "Social assistant", old.Culture), (after.Stage, after.StageNameUk, after.StageNameEn, after.Culture));
        Assert.Equal((_today, expires.AddDays(1).AddMonths(36)), (after.IssuedOn, after.ValidUntil));
        var checkedOld = (await Register.VerifyAsync(old.Number))!;
        Assert.Equal((expires, CertificateStatus.Valid), (checkedOld.ValidUntil, checkedOld.Status));
        Assert.Contains(_scenario.Reminders.Cancelled, c => c.Thing == CertificateNotices.Thing(old.Id));
        var plan = _scenario.Reminders.Plans.Single(p => p.Thing == CertificateNotices.Thing(after.Id));
        Assert.Equal(DailyRuns.At(after.ValidUntil!.Value, new TimeOnly(9, 0)), plan.DueAt);
        Assert.Equal("Notification:CertificateExpiresRenewEither", plan.Text.Key);
        Assert.Equal(["20", Refresher.Title], plan.Text.Arguments.Skip(2));
        var told = Assert.Single(_scenario.Notifier.Sent, s => s.Text.Key == "Notification:CertificateRenewed");
        Assert.Equal((_scenario.Vasyl, old.Number, after.Number), (told.PersonId, told.Text.Arguments[0], told.Text.Arguments[1]));
    }

    [Fact]
    public async Task Hours_count_from_the_year_of_issue_and_until_they_reach_what_is_asked_renewal_is_refused_with_a_link_to_his_record()
    {
        await AskAsync(20m, null);
        var year = _today.Year;
        await DateAsync(_today.AddDays(60), new DateOnly(year - 1, 6, 1));
        TrainingHours(year - 2, 30m);
        TrainingHours(year - 1, 12m);
        _scenario.Others.YearRecords[(_scenario.Vasyl, year)] = new SupervisionRecord([new ApprovedHours(BuiltInActivityTypes.SupervisionReceived, 5m)], 1, null);
        _scenario.AsVasyl();

        var short_ = (await HisLineAsync()).Renewal!;
        var refused = await RenewAsync();
        TrainingHours(year - 1, 15m);
        var enough = (await HisLineAsync()).Renewal!;
        var renewed = await RenewAsync();

        var hours = Assert.Single(short_.Items);
        Assert.Equal((RenewalNeed.CpdHours, Outcome.NotYet, "Renewal:Hours:NotYet"), (hours.Need, hours.Outcome, hours.Key));
        Assert.Equal(new object[] { 17m, 20m, $"{year - 1}–{year}", 3m }, hours.Arguments);
        Assert.Equal("/pathways/development", hours.Link);
        Assert.False(short_.Met);
        Assert.Equal("Certificates:Error:RenewalNotMet", refused.Error!.Key);
        Assert.Equal((Outcome.Met, 20m), (enough.Items[0].Outcome, enough.Items[0].Arguments[0]));
        Assert.True(renewed.Succeeded, renewed.Error?.Key);
    }

    [Fact]
    public async Task A_refresher_course_completed_before_the_certificate_was_issued_does_not_count_and_one_after_does()
    {
        await AskAsync(null, Refresher.Id);
        await DateAsync(_today.AddDays(45), _today.AddMonths(-35));
        var issuedAt = (await CertificateAsync()).IssuedAt;
        _scenario.AsVasyl();

        Completed(Refresher.Id, issuedAt.AddDays(-1));
        var before = Assert.Single((await HisLineAsync()).Renewal!.Items);
        var refused = await RenewAsync();
        Completed(Refresher.Id, issuedAt.AddDays(100));
        var after = Assert.Single((await HisLineAsync()).Renewal!.Items);
        var renewed = await RenewAsync();

        Assert.Equal((Outcome.NotYet, "Renewal:Course:NotYet", $"/learning/courses/{Refresher.Id}"), (before.Outcome, before.Key, before.Link));
        Assert.Equal("Certificates:Error:RenewalNotMet", refused.Error!.Key);
        Assert.Equal((Outcome.Met, "Renewal:Course:Met"), (after.Outcome, after.Key));
        Assert.Equal(new object[] { Refresher.Title, DailyRuns.DayOf(issuedAt.AddDays(100)) }, after.Arguments);
        Assert.True(renewed.Succeeded, renewed.Error?.Key);
    }

    [Fact]
    public async Task With_both_asked_the_course_alone_suffices_while_a_course_that_is_gone_is_flagged_and_never_met()
    {
        var gone = Guid.NewGuid();
        await DateAsync(_today.AddDays(10));
        var issuedAt = (await CertificateAsync()).IssuedAt;
        _scenario.AsVasyl();

        await AskAsync(40m, gone);
        Completed(gone, issuedAt.AddHours(1));
        var completedGone = (await HisLineAsync()).Renewal!;
        _scenario.Others.Completions.Clear();
        var flagged = (await HisLineAsync()).Renewal!;
        var refused = await RenewAsync();
        await AskAsync(40m, Refresher.Id);
        Completed(Refresher.Id, issuedAt.AddHours(1));
        var either = (await HisLineAsync()).Renewal!;
        var renewed = await RenewAsync();

        Assert.True(completedGone.Met);
        Assert.Equal(
            [(RenewalNeed.CpdHours, Outcome.NotYet), (RenewalNeed.Course, Outcome.Broken)],
            flagged.Items.Select(i => (i.Need, i.Outcome)));
        Assert.Equal("Renewal:Course:Missing", flagged.Items[1].Key);
        Assert.Null(flagged.Items[1].Link);
        Assert.False(flagged.Met);
        Assert.Equal("Certificates:Error:RenewalNotMet", refused.Error!.Key);
        Assert.Equal([Outcome.NotYet, Outcome.Met], either.Items.Select(i => i.Outcome));
        Assert.True(either.Met);
        Assert.True(renewed.Succeeded, renewed.Error?.Key);
    }

    [Fact]
    public async Task A_coordinator_over_his_unit_renews_it_while_one_elsewhere_and_a_colleague_cannot()
    {
        await DateAsync(_today.AddDays(20));
        var certificate = await CertificateAsync();
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.LvivOblast);
        var elsewhere = await Register.RenewAsync(certificate.Id, certificate.Version);
        Host.User.ActingAs(await _scenario.PersonAsync("learner@traininghub.example"), new PermissionGrant(PathwaysPermissions.Own, null));
        var colleague = await Register.RenewAsync(certificate.Id, certificate.Version);
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        var list = (await Register.ForPersonAsync(_scenario.Vasyl)).Value;
        var renewed = await Register.RenewAsync(certificate.Id, certificate.Version);
        await Host.DeliverEventsAsync();

        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, colleague.Error!.Kind);
        Assert.True(list.MayRenew);
        Assert.True(renewed.Succeeded, renewed.Error?.Key);
        Assert.Equal(_scenario.Coordinator, (await AllAsync()).Single(c => c.Id == certificate.Id).RenewedById);
        Assert.Contains(_scenario.Notifier.Sent, s => s.PersonId == _scenario.Vasyl && s.Text.Key == "Notification:CertificateRenewed");
    }

    [Fact]
    public async Task Once_renewed_the_old_certificate_no_longer_counts_as_expiring_in_the_unit_report()
    {
        await DateAsync(_today.AddDays(20));
        var unit = await _scenario.UnitAsync(PathwayScenario.ZhytomyrCity);
        Host.User.ActingAs(_scenario.Coordinator, new PermissionGrant(PathwaysPermissions.ReportsView, unit));
        var before = (await Host.Get<PathwayReports>().GetAsync(unit)).Value;
        _scenario.AsVasyl();
        Assert.True((await RenewAsync()).Succeeded);
        Host.User.ActingAs(_scenario.Coordinator, new PermissionGrant(PathwaysPermissions.ReportsView, unit));
        var after = (await Host.Get<PathwayReports>().GetAsync(unit)).Value;

        Assert.Contains(before.Expiring, c => c.PersonId == _scenario.Vasyl);
        Assert.DoesNotContain(after.Expiring, c => c.PersonId == _scenario.Vasyl);
        Assert.Equal(before.Total.Certificates.Expiring - 1, after.Total.Certificates.Expiring);
    }

    [Fact]
    public async Task A_revoked_certificate_is_not_renewed_nor_one_read_before_a_change()
    {
        await DateAsync(_today.AddDays(20));
        var read = await CertificateAsync();
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        Assert.True((await Register.RevokeAsync(read.Id, "Видано помилково", read.Version)).Succeeded);

        var stale = await Register.RenewAsync(read.Id, read.Version);
        var revoked = await RenewAsync();

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Equal("Certificates:Error:RenewRevoked", revoked.Error!.Key);
        Assert.Null((await HisLineAsync()).Renewal);
        Assert.Single(await AllAsync());
    }

    [Fact]
    public async Task The_reminders_of_a_certificate_whose_stage_asks_hours_for_renewal_say_how_many()
    {
        await AskAsync(12.5m, null);
        var certificate = await CertificateAsync();

        await Host.DeliverEventsAsync();

        var plan = Assert.Single(_scenario.Reminders.Plans);
        Assert.Equal("Notification:CertificateExpiresRenewHours", plan.Text.Key);
        Assert.Equal([certificate.Number, certificate.ValidUntil!.Value.ToString("yyyy-MM-dd"), "12.5"], plan.Text.Arguments);
    }
}

public sealed class RenewalOnSqlite(SqliteServer server) : RenewalTests(server), IClassFixture<SqliteServer>;

public sealed class RenewalOnPostgreSql(PostgreSqlServer server) : RenewalTests(server), IClassFixture<PostgreSqlServer>;
