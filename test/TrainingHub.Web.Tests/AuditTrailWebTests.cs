using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Sign-ins, failed sign-ins and sign-outs of accounts through the real forms end up in the audit trail, naming the
/// person; failures for addresses without an account are only counted, so nobody can fill the trail or leave in it
/// what they typed.
/// </summary>
public sealed class AuditTrailWebTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_sign_outs_are_recorded_without_the_typed_password()
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = "mentor@traininghub.example", ["Input.Password"] = "not-the-password-1" });
        await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = "nobody@traininghub.example", ["Input.Password"] = "not-the-password-2" });
        await TrainingHubApp.SignInAsync(client, "mentor@traininghub.example");
        var home = await client.GetStringAsync("/");
        await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(
                System.Text.RegularExpressions.Regex.Match(home, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value),
        }));

        await using var db = app.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContext();
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.Action == AuditActions.SignedIn || e.Action == AuditActions.SignInFailed || e.Action == AuditActions.SignedOut)
            .OrderBy(e => e.AtUtc).ToListAsync();

        var mentor = entries.Where(e => e.Summary != null && e.Summary.Contains("mentor@")).ToList();
        Assert.Contains(mentor, e => e.Action == AuditActions.SignInFailed && e.Summary!.Contains("wrong password") && e.ActorName == "Андрій Наставник");
        Assert.Contains(mentor, e => e.Action == AuditActions.SignedIn && e.ActorId != null);
        Assert.DoesNotContain(entries, e => e.ActorName == "nobody@traininghub.example" || (e.Summary ?? "").Contains("nobody@"));
        Assert.Contains(entries, e => e.Action == AuditActions.SignedOut && e.ActorName == "Андрій Наставник");
        Assert.DoesNotContain(entries, e => (e.Summary ?? "").Contains("not-the-password") || (e.Changes ?? "").Contains("not-the-password"));
    }

    [Fact]
    public async Task Failed_sign_ins_for_unknown_addresses_add_no_audit_rows_and_a_password_typed_as_the_address_is_kept_nowhere()
    {
        const string typedPassword = "Moya-Parol-Sekretna-2026";
        var logs = new CapturedLogs();
        await using var fresh = new TrainingHubApp();
        using var logged = fresh.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = logged.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await using var db = logged.Services.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContext();
        var before = await db.Entries.CountAsync();

        for (var i = 0; i < 20; i++)
        {
            await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
                new() { ["Input.Email"] = $"spray{i}@traininghub.example", ["Input.Password"] = "Spray-2026" });
        }
        var answer = await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = typedPassword, ["Input.Password"] = typedPassword });
        await TrainingHubApp.PostFormAsync(client, "/account/login", "login",
            new() { ["Input.Email"] = "supervisor@traininghub.example", ["Input.Password"] = "not-the-password-3" });

        var added = await db.Entries.AsNoTracking().OrderBy(e => e.AtUtc).Skip(before).ToListAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var failed = Assert.Single(added, e => e.Action == AuditActions.SignInFailed);
        Assert.Equal("Марія Супервізорка", failed.ActorName);
        Assert.DoesNotContain(added, e => $"{e.ActorName} {e.Summary} {e.Changes}".Contains("spray") || $"{e.ActorName} {e.Summary} {e.Changes}".Contains(typedPassword));
        Assert.Contains(logs.Messages, m => m.Contains("no account"));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(typedPassword) || m.Contains("spray"));
    }
}
