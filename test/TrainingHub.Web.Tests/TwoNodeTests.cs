using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.TestKit;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Two app nodes on one PostgreSQL database, each with its own data folder, as behind a load balancer: a sign-in made on
/// one node and an invitation link mailed by one are good on the other, because the keys that protect them are shared.
/// </summary>
public sealed class TwoNodeTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task A_sign_in_and_an_invitation_made_on_one_node_work_on_the_other()
    {
        var database = await server.CreateDatabaseAsync();
        var cookies = new CookieContainer();
        string invitationLink;
        await using (var nodeA = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = database })
        {
            await TrainingHubApp.SignInAsync(nodeA.CreateDefaultClient(new CookieContainerHandler(cookies)), "coordinator@traininghub.example");
            invitationLink = await InviteAsync(nodeA, "nova.osoba@example.org", "Нова Особа");
        }

        await using var nodeB = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = database };
        var signedIn = nodeB.CreateDefaultClient(new CookieContainerHandler(cookies));
        var home = await signedIn.GetAsync("/");
        var invitee = nodeB.CreateBrowserLikeClient();
        var accepted = await TrainingHubApp.PostFormAsync(invitee, invitationLink, "accept-invitation",
            new() { ["Input.Password"] = "Nova-osoba-2026", ["Input.Confirm"] = "Nova-osoba-2026" });

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("invitation-invalid", await accepted.Content.ReadAsStringAsync());
        await TrainingHubApp.SignInAsync(nodeB.CreateBrowserLikeClient(), "nova.osoba@example.org", "Nova-osoba-2026");
    }

    /// <summary>What an invitation mails: a link with a single-use token for a person without a password yet.</summary>
    private static async Task<string> InviteAsync(TrainingHubApp node, string email, string fullName)
    {
        using var scope = node.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var person = new ApplicationUser { UserName = email, Email = email, FullName = fullName };
        Assert.True((await users.CreateAsync(person)).Succeeded);
        var token = await users.GenerateUserTokenAsync(person, Invitations.TokenProvider, Invitations.TokenPurpose);
        return $"/account/accept-invitation?userId={person.Id}&token={LinkToken.Encode(token)}";
    }
}
