using System.Text;
using Bunit;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.Pathways.Development;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Development;

/// <summary>
/// Halyna Bondarenko records a seminar she took elsewhere, with its certificate: it waits for her supervisor, who is
/// told; approved, its hours count in her year; declined, she reads why and corrects it. Nobody else decides on it, and
/// nothing half-written stays when what she sends is wrong. On both databases.
/// </summary>
public abstract class ExternalTrainingTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;
    private Guid _halyna;
    private Guid _supervisor;
    private DateOnly _today;

    private ModuleTestHost Host => _scenario.Host;

    private ExternalTrainings Trainings => Host.Get<ExternalTrainings>();

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server, placeVasyl: false);
        (_halyna, _supervisor) = await _scenario.HalynaWithSupervisorAsync();
        _today = DailyRuns.DayOf(DateTimeOffset.UtcNow);
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private void AsHalyna() => _scenario.AsOwner(_halyna);

    private Task AsSupervisorAsync() => _scenario.AsSupervisorElsewhereAsync(_supervisor);

    private Task AsCoordinatorOfAsync(string katottg) => _scenario.AsDevelopmentCoordinatorOfAsync(katottg);

    private TrainingInput Seminar(string title = "Робота з сім'ями в СЖО") =>
        new() { Title = title, Provider = "Фонд «Сильні громади»", CompletedOn = _today.AddDays(-_today.DayOfYear + 1), Hours = 6.5m };

    private async Task<TrainingLine> RecordAsync(string title = "Робота з сім'ями в СЖО")
    {
        AsHalyna();
        var id = await Trainings.RecordAsync(Seminar(title), new UploadedDocument(DocumentSamples.Pdf(), "сертифікат.pdf"));
        Assert.True(id.Succeeded, id.Error?.Key);
        return (await Trainings.MineAsync(id.Value)).Value;
    }

    private async Task<DevelopmentYear> HerYearAsync()
    {
        AsHalyna();
        return (await Host.Get<DevelopmentRecords>().MineAsync(null)).Value;
    }

    [Fact]
    public async Task Recorded_it_waits_uncounted_her_supervisor_is_told_and_once_he_approves_its_hours_count_and_she_is_told()
    {
        var training = await RecordAsync();
        var waiting = await HerYearAsync();
        await Host.DeliverEventsAsync();
        await AsSupervisorAsync();
        var pending = (await Trainings.PendingAsync(new PageRequest())).Value;
        var approved = await Trainings.ApproveAsync(training.Id, training.Version);
        await Host.DeliverEventsAsync();
        var counted = await HerYearAsync();

        Assert.Equal(TrainingState.Pending, Assert.Single(waiting.Trainings).State);
        Assert.DoesNotContain(waiting.Lines, l => l.Source == DevelopmentSource.External);
        Assert.Contains(_scenario.Notifier.Sent, s => s.PersonId == _supervisor && s.Text.Key == "Notification:TrainingRecorded" && s.Link == ExternalTrainings.ApprovalsLink);
        Assert.Equal(["Робота з сім'ями в СЖО"], pending.Items.Select(p => p.Training.Title));
        Assert.True(approved.Succeeded);
        var line = Assert.Single(counted.Lines, l => l.Source == DevelopmentSource.External);
        Assert.Equal(("Робота з сім'ями в СЖО (Фонд «Сильні громади»)", 6.5m), (line.Title, line.Hours));
        Assert.Equal(waiting.TotalHours + 6.5m, counted.TotalHours);
        Assert.Contains(_scenario.Notifier.Sent, s => s.PersonId == _halyna && s.Text.Key == "Notification:TrainingApproved");
    }

    [Fact]
    public async Task Declined_she_reads_why_corrects_it_and_it_waits_again_while_an_approved_one_can_no_longer_change()
    {
        var training = await RecordAsync();
        await AsSupervisorAsync();
        var withoutReason = await Trainings.DeclineAsync(training.Id, "  ", training.Version);
        Assert.True((await Trainings.DeclineAsync(training.Id, "На сертифікаті немає кількості годин", training.Version)).Succeeded);
        var declined = Assert.Single((await HerYearAsync()).Trainings);
        var corrected = await Trainings.CorrectAsync(declined.Id, Seminar(), new UploadedDocument(DocumentSamples.Png(), "скан.png"), declined.Version);
        var again = Assert.Single((await HerYearAsync()).Trainings);
        await AsSupervisorAsync();
        Assert.True((await Trainings.ApproveAsync(again.Id, again.Version)).Succeeded);
        AsHalyna();
        var approved = (await Trainings.MineAsync(again.Id)).Value;
        var withdrawn = await Trainings.WithdrawAsync(approved.Id, approved.Version);
        var changed = await Trainings.CorrectAsync(approved.Id, Seminar("Інша назва"), null, approved.Version);

        Assert.Equal("Training:Error:ReasonRequired", withoutReason.Error!.ErrorFor("Reason"));
        Assert.Equal((TrainingState.Declined, "На сертифікаті немає кількості годин"), (declined.State, declined.DeclineReason));
        Assert.True(corrected.Succeeded);
        Assert.Equal((TrainingState.Pending, null, "скан.png"), (again.State, again.DeclineReason, again.FileName));
        Assert.Equal(("Training:Error:AlreadyApproved", "Training:Error:AlreadyApproved"), (withdrawn.Error!.Key, changed.Error!.Key));
    }

    [Fact]
    public async Task Wrong_input_is_refused_field_by_field_and_nothing_is_kept()
    {
        AsHalyna();
        var empty = await Trainings.RecordAsync(
            new TrainingInput { Title = " ", Provider = "", CompletedOn = _today.AddDays(1), Hours = 0.25m }, null);
        var old = await Trainings.RecordAsync(
            new TrainingInput { Title = "Старий курс", Provider = "Хтось", CompletedOn = new DateOnly(_today.Year - 3, 12, 31), Hours = 201m },
            new UploadedDocument(DocumentSamples.Pdf(), "a.pdf"));
        var disguised = await Trainings.RecordAsync(Seminar(), new UploadedDocument(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "сертифікат.pdf"));

        Assert.Equal("Training:Error:TitleRequired", empty.Error!.ErrorFor(nameof(TrainingInput.Title)));
        Assert.Equal("Training:Error:ProviderRequired", empty.Error!.ErrorFor(nameof(TrainingInput.Provider)));
        Assert.Equal("Training:Error:DateInFuture", empty.Error!.ErrorFor(nameof(TrainingInput.CompletedOn)));
        Assert.Equal("Training:Error:Hours", empty.Error!.ErrorFor(nameof(TrainingInput.Hours)));
        Assert.Equal("Training:Error:FileRequired", empty.Error!.ErrorFor("File"));
        Assert.Equal("Training:Error:DateTooOld", old.Error!.ErrorFor(nameof(TrainingInput.CompletedOn)));
        Assert.Equal("Training:Error:Hours", old.Error!.ErrorFor(nameof(TrainingInput.Hours)));
        Assert.Equal("Error:DocumentFileType", disguised.Error!.ErrorFor("File"));
        await using var db = await Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContextAsync();
        Assert.Equal((0, 0), (await db.Trainings.CountAsync(), await db.TrainingFiles.CountAsync()));
    }

    [Fact]
    public async Task Only_her_supervisor_or_a_coordinator_over_her_unit_decides_never_she_herself_nor_a_colleague_nor_another_oblast()
    {
        var training = await RecordAsync();
        Host.User.ActingAs(_halyna, new PermissionGrant(PathwaysPermissions.Own, null), new PermissionGrant(PathwaysPermissions.DevelopmentApprove, null));
        var herself = await Trainings.ApproveAsync(training.Id, training.Version);
        Host.User.ActingAs(await _scenario.PersonAsync("learner@traininghub.example"), new PermissionGrant(PathwaysPermissions.Own, null));
        var colleague = await Trainings.ApproveAsync(training.Id, training.Version);
        var colleagueList = await Trainings.PendingAsync(new PageRequest());
        var colleagueFile = await Trainings.OpenFileAsync(training.Id);
        await AsCoordinatorOfAsync(PathwayScenario.LvivOblast);
        var elsewhere = await Trainings.ApproveAsync(training.Id, training.Version);
        var elsewhereList = (await Trainings.PendingAsync(new PageRequest())).Value;
        await AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        var coordinatorList = (await Trainings.PendingAsync(new PageRequest())).Value;
        var coordinatorFile = await Trainings.OpenFileAsync(training.Id);
        var stale = await Trainings.ApproveAsync(training.Id, Guid.NewGuid());
        var coordinator = await Trainings.ApproveAsync(training.Id, training.Version);

        Assert.Equal(ErrorKind.Forbidden, herself.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, colleague.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, colleagueList.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, colleagueFile.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.Empty(elsewhereList.Items);
        Assert.Single(coordinatorList.Items);
        Assert.Equal(("application/pdf", "сертифікат.pdf"), (coordinatorFile.Value.ContentType, coordinatorFile.Value.FileName));
        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.True(coordinator.Succeeded);
    }

    [Fact]
    public async Task She_withdraws_one_still_waiting_and_its_certificate_goes_with_it()
    {
        var training = await RecordAsync();

        var withdrawn = await Trainings.WithdrawAsync(training.Id, training.Version);

        Assert.True(withdrawn.Succeeded);
        Assert.Empty((await HerYearAsync()).Trainings);
        await using var db = await Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.TrainingFiles.CountAsync());
    }

    [Fact]
    public async Task Her_page_lists_the_training_waiting_and_her_supervisor_sees_approve_on_her_page()
    {
        await RecordAsync();
        await using var pages = new PageRenderer(Host) { Culture = Cultures.English };

        AsHalyna();
        var hers = pages.Render<DevelopmentPage>();
        hers.WaitForAssertion(() => Assert.NotNull(hers.Find("#trainings")));
        var item = hers.Find("#trainings .th-training");
        Assert.Contains("Waiting for approval", item.TextContent);
        Assert.Contains("Фонд «Сильні громади»", item.TextContent);
        Assert.NotEmpty(item.QuerySelectorAll(".th-training-edit"));
        Assert.Empty(item.QuerySelectorAll(".th-training-approve"));

        await AsSupervisorAsync();
        var his = pages.Render<DevelopmentPage>(p => p.Add(c => c.PersonId, _halyna));
        his.WaitForAssertion(() => Assert.NotNull(his.Find("#trainings .th-training-approve")));
        Assert.Empty(his.FindAll("#training-add"));
        await his.InvokeAsync(() => his.Find("#trainings .th-training-approve").Click());
        his.WaitForAssertion(() => Assert.Equal("Approved", his.Find("#trainings [data-state]").GetAttribute("data-state")));
        Assert.Contains("Training elsewhere", his.Find("#development-lines").TextContent);
    }
}

public sealed class ExternalTrainingOnSqlite(SqliteServer server) : ExternalTrainingTests(server), IClassFixture<SqliteServer>;

public sealed class ExternalTrainingOnPostgreSql(PostgreSqlServer server) : ExternalTrainingTests(server), IClassFixture<PostgreSqlServer>;
