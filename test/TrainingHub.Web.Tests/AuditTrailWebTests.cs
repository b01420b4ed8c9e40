using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>Sign-ins, failed sign-ins and sign-outs through the real forms end up in the audit trail, naming the person.</summary>
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
        Assert.Contains(entries, e => e is { Action: AuditActions.SignInFailed, ActorName: "nobody@traininghub.example", ActorId: null });
        Assert.Contains(entries, e => e.Action == AuditActions.SignedOut && e.ActorName == "Андрій Наставник");
        Assert.DoesNotContain(entries, e => (e.Summary ?? "").Contains("not-the-password") || (e.Changes ?? "").Contains("not-the-password"));
    }
}
