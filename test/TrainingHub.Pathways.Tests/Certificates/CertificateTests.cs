using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Data;
using TrainingHub.SharedKernel.Jobs;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Pathways.Tests.Certificates;

/// <summary>
/// The certificate Vasyl receives when he becomes a social assistant, on both databases: what it says, the reminders
/// before it expires, checking it by its number, downloading it, showing it as an Open Badge, and its revocation.
/// </summary>
public abstract class CertificateTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private PathwayScenario _scenario = null!;

    private ModuleTestHost Host => _scenario.Host;

    public async ValueTask InitializeAsync()
    {
        _scenario = await PathwayScenario.StartAsync(server);
        await _scenario.ApproveAsync();
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private async Task<Certificate> CertificateAsync()
    {
        await using var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext();
        return await db.Certificates.SingleAsync(c => c.PersonId == _scenario.Vasyl);
    }

    [Fact]
    public async Task Approval_issues_his_certificate_of_the_stage_valid_for_its_36_months_and_plans_reminders_60_30_and_7_days_before()
    {
        var certificate = await CertificateAsync();
        await Host.DeliverEventsAsync();
        var today = DailyRuns.DayOf(DateTimeOffset.UtcNow);

        Assert.Matches("^TH-([23456789A-HJKMNP-Z]{4}-){3}[23456789A-HJKMNP-Z]{4}$", certificate.Number);
        Assert.Equal(("Василь Кравчук", "Соціальний помічник", "Social assistant", 3), (certificate.PersonName, certificate.StageNameUk, certificate.StageNameEn, certificate.Stage));
        Assert.Equal((today, today.AddMonths(36)), (certificate.IssuedOn, certificate.ValidUntil));
        Assert.Equal("Житомирська міська громада", certificate.IssuerNameUk);
        var plan = Assert.Single(_scenario.Reminders.Plans);
        Assert.Equal((_scenario.Vasyl, CertificateNotices.Thing(certificate.Id)), (plan.PersonId, plan.Thing));
        Assert.Equal([TimeSpan.FromDays(-60), TimeSpan.FromDays(-30), TimeSpan.FromDays(-7)], plan.Offsets);
        Assert.Equal(DailyRuns.At(today.AddMonths(36), new TimeOnly(9, 0)), plan.DueAt);
        Assert.Contains(_scenario.Notifier.Sent, s => s.PersonId == _scenario.Vasyl && s.Text.Key == "Notification:CertificateIssued" && s.Text.Arguments[0] == certificate.Number);
    }

    [Fact]
    public async Task Anyone_with_the_number_typed_any_way_sees_only_who_what_when_and_whether_it_stands()
    {
        var certificate = await CertificateAsync();
        Host.User.SignedOut();

        var typed = await Host.Get<CertificateRegister>().VerifyAsync(certificate.Number.ToLowerInvariant().Replace("-", " "));
        var unknown = await Host.Get<CertificateRegister>().VerifyAsync("TH-2222-2222-2222-2222");
        var nonsense = await Host.Get<CertificateRegister>().VerifyAsync("' or 1=1 --");

        Assert.Equal(("Василь Кравчук", "Соціальний помічник", CertificateStatus.Valid), (typed!.PersonName, typed.StageName, typed.Status));
        Assert.Null(unknown);
        Assert.Null(nonsense);
        Assert.Equal(
            ["Number", "PersonName", "PathwayName", "StageName", "IssuerName", "IssuedOn", "ValidUntil", "Status"],
            typeof(VerifiedCertificate).GetProperties().Select(p => p.Name));
    }

    [Fact]
    public async Task A_certificate_past_its_date_reads_as_expired()
    {
        await using (var db = Host.Get<IDbContextFactory<PathwaysDbContext>>().CreateDbContext())
        {
            await db.Certificates.ExecuteUpdateAsync(c => c.SetProperty(x => x.ValidUntil, DailyRuns.DayOf(DateTimeOffset.UtcNow).AddDays(-1)));
        }

        var checkedNow = await Host.Get<CertificateRegister>().VerifyAsync((await CertificateAsync()).Number);

        Assert.Equal(CertificateStatus.Expired, checkedNow!.Status);
    }

    [Fact]
    public async Task He_and_those_who_see_his_pathway_download_the_pdf_and_nobody_else()
    {
        var certificate = await CertificateAsync();
        _scenario.AsVasyl();
        var his = await Host.Get<CertificateRegister>().PdfAsync(certificate.Id);
        var list = (await Host.Get<CertificateRegister>().ForPersonAsync(_scenario.Vasyl)).Value;
        Host.User.ActingAs(await _scenario.PersonAsync("learner@traininghub.example"), new PermissionGrant(PathwaysPermissions.Own, null));
        var colleague = await Host.Get<CertificateRegister>().PdfAsync(certificate.Id);

        Assert.Equal("application/pdf", his.Value.ContentType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(his.Value.Content, 0, 4));
        Assert.Equal($"certificate-{certificate.Number}.pdf", his.Value.FileName);
        Assert.False(list.MayRevoke);
        Assert.Equal(certificate.Number, Assert.Single(list.Certificates).Number);
        Assert.Equal(ErrorKind.NotFound, colleague.Error!.Kind);
    }

    [Fact]
    public async Task The_open_badge_names_him_only_by_a_salted_hash_and_points_to_its_badge_class_and_issuer_served_here()
    {
        var certificate = await CertificateAsync();
        var email = (await Host.Get<IPeopleLookup>().FindAsync(_scenario.Vasyl))!.Email;
        var badges = Host.Get<OpenBadges>();

        var (assertion, revoked) = (await badges.AssertionAsync(certificate.Number))!.Value;
        var badgeClass = await badges.BadgeClassAsync(PathwayScenario.Pathway, 3);
        var issuer = await badges.IssuerAsync(certificate.UnitId!.Value);

        Assert.False(revoked);
        Assert.Equal(OpenBadges.Context, (string?)assertion["@context"]);
        Assert.Equal($"{ModuleTestHost.PublicBaseUrl}badges/assertions/{certificate.Number}", (string?)assertion["id"]);
        Assert.Equal("hosted", (string?)assertion["verification"]!["type"]);
        var recipient = assertion["recipient"]!;
        Assert.Equal(OpenBadges.Hashed(email, (string)recipient["salt"]!), (string?)recipient["identity"]);
        Assert.StartsWith("sha256$", (string?)recipient["identity"]);
        Assert.DoesNotContain(email, assertion.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Кравчук", assertion.ToJsonString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)assertion["issuedOn"]);
        Assert.Equal((string?)assertion["badge"], (string?)badgeClass!["id"]);
        Assert.Equal("Social assistant (From volunteer to social worker)", (string?)badgeClass["name"]);
        Assert.Equal((string?)badgeClass["issuer"], (string?)issuer!["id"]);
        Assert.Equal("Житомирська міська громада", (string?)issuer["name"]);
        Assert.Null(await badges.BadgeClassAsync(PathwayScenario.Pathway, 5));
        Assert.Null(await badges.IssuerAsync(await _scenario.UnitAsync(PathwayScenario.LvivOblast)));
    }

    [Fact]
    public async Task A_coordinator_over_his_unit_revokes_it_with_a_reason_his_reminders_stop_and_it_answers_as_revoked_everywhere()
    {
        var certificate = await CertificateAsync();
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.LvivOblast);
        var elsewhere = await Host.Get<CertificateRegister>().RevokeAsync(certificate.Id, "Помилка", certificate.Version);
        await _scenario.AsCoordinatorOfAsync(PathwayScenario.ZhytomyrCity);
        var bare = await Host.Get<CertificateRegister>().RevokeAsync(certificate.Id, " ", certificate.Version);
        var revoked = await Host.Get<CertificateRegister>().RevokeAsync(certificate.Id, "Видано помилково", certificate.Version);
        var again = await Host.Get<CertificateRegister>().RevokeAsync(certificate.Id, "Ще раз", (await CertificateAsync()).Version);
        await Host.DeliverEventsAsync();

        Assert.Equal(ErrorKind.Forbidden, elsewhere.Error!.Kind);
        Assert.Equal("Certificates:Error:ReasonRequired", bare.Error!.Fields.Single().Key);
        Assert.True(revoked.Succeeded);
        Assert.Equal("Certificates:Error:AlreadyRevoked", again.Error!.Key);
        Assert.Contains(_scenario.Reminders.Cancelled, c => c.Thing == CertificateNotices.Thing(certificate.Id));
        Assert.Contains(_scenario.Notifier.Sent, s => s.PersonId == _scenario.Vasyl && s.Text.Key == "Notification:CertificateRevoked");
        Assert.Equal(CertificateStatus.Revoked, (await Host.Get<CertificateRegister>().VerifyAsync(certificate.Number))!.Status);
        var (document, gone) = (await Host.Get<OpenBadges>().AssertionAsync(certificate.Number))!.Value;
        Assert.True(gone);
        Assert.True((bool)document["revoked"]!);
        Assert.DoesNotContain("помилково", document.ToJsonString());
        Assert.Equal("Видано помилково", (await CertificateAsync()).RevocationReason);
    }
}

public sealed class CertificatesOnSqlite(SqliteServer server) : CertificateTests(server), IClassFixture<SqliteServer>;

public sealed class CertificatesOnPostgreSql(PostgreSqlServer server) : CertificateTests(server), IClassFixture<PostgreSqlServer>;
