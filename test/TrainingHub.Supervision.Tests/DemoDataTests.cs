using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Assignments;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.Supervision.Logs;
using TrainingHub.Supervision.Sessions;
using TrainingHub.Supervision.Mentoring;
using TrainingHub.TestKit;

namespace TrainingHub.Supervision.Tests;

/// <summary>The demo supervisor and mentor have people to work with from the first start, and a restart adds none twice.</summary>
public sealed class DemoDataTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_demo_supervisor_supervises_the_four_demo_learners_of_Zhytomyr_city_and_the_mentor_mentors_two()
    {
        await using var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        var people = host.Get<IPeopleLookup>();

        host.User.ActingAs((await people.FindByEmailAsync("supervisor@traininghub.example"))!.Id, new PermissionGrant(SupervisionPermissions.Supervise, null));
        var supervised = (await host.Get<AssignmentRegister>().MySuperviseesAsync()).Value;
        host.User.ActingAs((await people.FindByEmailAsync("mentor@traininghub.example"))!.Id, new PermissionGrant(SupervisionPermissions.Supervise, null));
        var mentored = (await host.Get<AssignmentRegister>().MySuperviseesAsync()).Value;
        await using var restarted = await host.RestartAsync();
        await using var db = restarted.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();

        Assert.Equal(["Василь Кравчук", "Галина Бондаренко", "Наталія Ткаченко", "Оксана Волонтерка"],
            supervised.Select(r => r.PersonName).Order(StringComparer.Ordinal));
        Assert.All(supervised, r => Assert.Equal(AssignmentRole.Supervisor, r.Role));
        Assert.Equal(["Василь Кравчук", "Оксана Волонтерка"], mentored.Select(r => r.PersonName).Order(StringComparer.Ordinal));
        Assert.Equal(6, await db.Assignments.CountAsync());
    }

    [Fact]
    public async Task The_demo_supervisees_have_hours_in_every_state_some_waiting_for_the_demo_supervisors_signature()
    {
        await using var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        var people = host.Get<IPeopleLookup>();

        host.User.ActingAs((await people.FindByEmailAsync("supervisor@traininghub.example"))!.Id,
            new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.HoursReview, null));
        var waiting = (await host.Get<HoursReview>().WeeksAsync()).Value;
        host.User.ActingAs((await people.FindByEmailAsync("learner@traininghub.example"))!.Id, new PermissionGrant(SupervisionPermissions.HoursLog, null));
        var learners = (await host.Get<HoursLog>().MineAsync()).Value;
        var total = (await host.Get<HoursLog>().TotalsAsync(null, null)).Value.All;
        await using var restarted = await host.RestartAsync();
        await using var db = restarted.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();

        Assert.Equal(["Василь Кравчук", "Галина Бондаренко", "Оксана Волонтерка"], waiting.Select(w => w.PersonName).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetValues<HoursState>(), learners.Select(r => r.State).Distinct().Order());
        Assert.Equal(6.5m, total);
        Assert.Equal(14, await db.HoursEntries.CountAsync());
    }

    [Fact]
    public async Task Months_of_signed_supervision_leave_two_supervisees_within_policy_two_overdue_and_a_log_waiting_for_signatures()
    {
        await using var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true", ["DemoData:SupervisionHistory"] = "true" });
        var people = host.Get<IPeopleLookup>();

        host.User.ActingAs((await people.FindByEmailAsync("supervisor@traininghub.example"))!.Id,
            new PermissionGrant(SupervisionPermissions.Supervise, null), new PermissionGrant(SupervisionPermissions.SessionsView, null));
        var supervisees = (await host.Get<AssignmentRegister>().MySuperviseesAsync()).Value;
        var toSign = await host.Get<LogBook>().ToSignAsync();
        var upcoming = (await host.Get<SessionPlanner>().MineAsync(past: false)).Value;
        host.User.ActingAs((await people.FindByEmailAsync("learner@traininghub.example"))!.Id, new PermissionGrant(SupervisionPermissions.SessionsView, null));
        var learnersActions = await host.Get<LogBook>().OpenActionsAsync();
        await using var restarted = await host.RestartAsync();
        await using var db = restarted.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();

        Assert.Equal([("Василь Кравчук", true), ("Галина Бондаренко", true), ("Наталія Ткаченко", false), ("Оксана Волонтерка", false)],
            supervisees.Select(r => (r.PersonName, r.Due!.Overdue)).OrderBy(r => r.PersonName, StringComparer.Ordinal));
        Assert.Equal(["Василь Кравчук"], toSign.Select(l => l.OtherName));
        Assert.Equal(["Оксана Волонтерка"], upcoming.SelectMany(s => s.ParticipantNames));
        Assert.Equal(2, learnersActions.Count);
        Assert.Equal(16, await db.Sessions.CountAsync());
        Assert.Equal(14, await db.Logs.CountAsync(l => l.LeaderSignedAt != null && l.PersonSignedAt != null));
    }

    [Fact]
    public async Task The_demo_mentees_have_goals_open_achieved_and_dropped_which_the_mentor_sees_on_their_pairs()
    {
        await using var host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new SupervisionModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });
        host.User.ActingAs((await host.Get<IPeopleLookup>().FindByEmailAsync("mentor@traininghub.example"))!.Id,
            new PermissionGrant(SupervisionPermissions.SessionsView, null));
        var pairs = await host.Get<MentoringPairs>().MineAsync();
        await using var restarted = await host.RestartAsync();
        await using var db = restarted.Get<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();

        Assert.Equal(["Василь Кравчук", "Оксана Волонтерка"], pairs.Select(p => p.MenteeName).Order(StringComparer.Ordinal));
        Assert.All(pairs, p => Assert.Contains(p.Goals, g => g.Status == GoalStatus.Open));
        Assert.Equal(Enum.GetValues<GoalStatus>(), pairs.SelectMany(p => p.Goals).Select(g => g.Status).Distinct().Order());
        Assert.Equal(6, await db.Goals.CountAsync());
    }
}
