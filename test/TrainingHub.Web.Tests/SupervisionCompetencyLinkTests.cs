using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.Audit.Domain;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Data;
using TrainingHub.Competencies.Domain;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Outbox;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Data;
using TrainingHub.Supervision.Hours;
using TrainingHub.TestKit;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// In the whole app, approved practice hours that name a competency reach the person's evidence once, a withdrawn
/// approval takes them away, and the withdrawal is kept in the audit trail without the supervisee's description.
/// </summary>
public sealed class SupervisionCompetencyLinkTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private async Task<(Guid Learner, Guid Supervisor)> PeopleAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return ((await users.FindByEmailAsync("learner@traininghub.example"))!.Id, (await users.FindByEmailAsync("supervisor@traininghub.example"))!.Id);
    }

    [Fact]
    public async Task Approved_hours_become_practice_hours_evidence_once_and_a_withdrawal_takes_it_away()
    {
        var (learner, supervisor) = await PeopleAsync();
        var competencies = await app.Services.GetRequiredService<ICompetencyDirectory>().ListPublishedCompetenciesAsync();
        var firstAid = Assert.Single(competencies, c => c.FrameworkCode == "CP-INCL" && c.Code == "CP.5.1");
        var entryId = Guid.NewGuid();
        var approved = new PracticeHoursApproved(entryId, learner, firstAid.LineageId, new DateOnly(2026, 3, 2), 3.5m,
            "Пряма робота з дітьми та родинами", supervisor, DateTimeOffset.UtcNow);

        // Published twice, as an approval delivered again would be: the evidence counts it once.
        await PublishAsync(approved, approved);
        var recorded = await EvidenceAsync(learner, entryId);
        await PublishAsync(new PracticeHoursApprovalWithdrawn(entryId, learner, firstAid.LineageId, supervisor, DateTimeOffset.UtcNow));
        var afterWithdrawal = await EvidenceAsync(learner, entryId);

        var evidence = Assert.Single(recorded);
        Assert.Equal((EvidenceKind.PracticeHours, firstAid.LineageId, 3.5m, supervisor, "Пряма робота з дітьми та родинами, 2026-03-02"),
            (evidence.Kind, evidence.LineageId, evidence.Hours, evidence.RecordedById, evidence.Title));
        Assert.Empty(afterWithdrawal);
    }

    [Fact]
    public async Task A_competency_observed_in_a_meeting_becomes_observation_evidence_once_with_the_observers_note()
    {
        var (learner, supervisor) = await PeopleAsync();
        var competencies = await app.Services.GetRequiredService<ICompetencyDirectory>().ListPublishedCompetenciesAsync();
        var firstAid = Assert.Single(competencies, c => c.FrameworkCode == "CP-INCL" && c.Code == "CP.5.1");
        var observed = new CompetencyObserved(Guid.NewGuid(), learner, firstAid.LineageId, supervisor, new DateOnly(2026, 3, 2),
            "Спокійно заспокоїла дитину під час кризи й пояснила матері наступні кроки.", DateTimeOffset.UtcNow);

        await PublishAsync(observed, observed);

        await using var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var source = $"supervision-observation:{observed.ObservationId:D}";
        var evidence = Assert.Single(await db.Evidence.AsNoTracking().Where(e => e.PersonId == learner && e.SourceReference == source).ToListAsync());
        Assert.Equal((EvidenceKind.Observation, firstAid.LineageId, supervisor, "Супервізія / Supervision, 2026-03-02", observed.Note),
            (evidence.Kind, evidence.LineageId, evidence.RecordedById, evidence.Title, evidence.Note));
    }

    [Fact]
    public async Task A_withdrawn_approval_is_in_the_audit_trail_with_its_reason_and_without_the_description()
    {
        var (learner, supervisor) = await PeopleAsync();
        var now = DateTimeOffset.UtcNow;
        var entry = PracticeHoursEntry.Log(learner, Guid.NewGuid(), new HoursInput
        {
            Date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), Hours = 2, ActivityTypeId = ActivityType.DirectWork, Description = "Візит до родини Коваль",
        }, DateOnly.FromDateTime(now.UtcDateTime), 0, now).Value;
        entry.Submit(now);
        entry.Approve(supervisor, now);
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<SupervisionDbContext>>();
        await using (var db = dbFactory.CreateDbContext())
        {
            db.HoursEntries.Add(entry);
            await db.SaveChangesAsync();
        }
        await using (var db = dbFactory.CreateDbContext())
        {
            var stored = await db.HoursEntries.SingleAsync(e => e.Id == entry.Id);
            Assert.True(stored.Withdraw(supervisor, "Години записано двічі", DateTimeOffset.UtcNow).Succeeded);
            await db.SaveChangesAsync();
        }

        await using var audit = app.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContext();
        var rows = await audit.Entries.AsNoTracking().Where(e => e.EntityType == nameof(PracticeHoursEntry) && e.EntityId == entry.Id.ToString()).ToListAsync();

        var withdrawal = Changes(Assert.Single(rows, r => r.Action == AuditActions.Changed));
        Assert.Equal(("Approved", "Draft"), withdrawal["State"]);
        Assert.Equal((null, "Години записано двічі"), withdrawal["ReviewReason"]);
        Assert.Equal((null, null), Changes(Assert.Single(rows, r => r.Action == AuditActions.Created))["Description"]);
        Assert.All(rows, r => Assert.DoesNotContain("Коваль", string.Join(" ", Changes(r).Values)));
    }

    /// <summary>The fields a row of the trail records, with the values it shows.</summary>
    private static Dictionary<string, (string? From, string? To)> Changes(AuditEntry row) =>
        JsonNode.Parse(row.Changes ?? "[]")!.AsArray()
            .ToDictionary(c => (string)c!["field"]!, c => ((string?)c!["from"], (string?)c["to"]));

    private async Task PublishAsync<TEvent>(params TEvent[] events) where TEvent : class
    {
        await using (var supervision = app.Services.GetRequiredService<IDbContextFactory<SupervisionDbContext>>().CreateDbContext())
        {
            foreach (var integrationEvent in events)
            {
                supervision.Publish(integrationEvent, DateTimeOffset.UtcNow);
            }
            await supervision.SaveChangesAsync();
        }
        var dispatcher = app.Services.GetRequiredService<IntegrationEventDispatcher>();
        await Eventually.TrueAsync(async () =>
        {
            await dispatcher.DispatchAsync(CancellationToken.None);
            await using var supervision = app.Services.GetRequiredService<IDbContextFactory<SupervisionDbContext>>().CreateDbContext();
            return !await supervision.Set<IntegrationEventRecord>().AnyAsync(r => r.Status == OutboxStatus.Pending);
        }, "Supervision's events to be delivered");
    }

    private async Task<List<Evidence>> EvidenceAsync(Guid personId, Guid entryId)
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CompetenciesDbContext>>().CreateDbContext();
        var source = $"practice-hours:{entryId:D}";
        return await db.Evidence.AsNoTracking().Where(e => e.PersonId == personId && e.SourceReference == source).ToListAsync();
    }
}
