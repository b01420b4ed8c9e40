using System.Text.RegularExpressions;
using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Changing one's e-mail address takes a link opened from the new address, on both databases.</summary>
public abstract partial class EmailChangeTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _host.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task<ApplicationUser?> FindAsync(string email) =>
        InScopeAsync(sp => sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));

    [Fact]
    public async Task The_address_changes_only_when_the_link_sent_to_the_new_address_is_opened_and_only_once()
    {
        var learner = (await FindAsync("learner@traininghub.example"))!;
        var errors = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().RequestAsync(learner, " new.learner@example.org "));
        var stillOld = await FindAsync("learner@traininghub.example");
        OutgoingMail mail;
        await using (var db = _host.Get<IDbContextFactory<AccountsDbContext>>().CreateDbContext())
        {
            mail = await db.Set<OutgoingMail>().SingleAsync(m => m.MessageType == EmailChange.MessageType);
        }
        var link = new Uri(LinkPattern().Match(mail.TextBody).Value);
        var query = HttpUtility.ParseQueryString(link.Query);

        var confirmed = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().ConfirmAsync(learner.Id, query["email"]!, query["token"]!));
        var again = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().ConfirmAsync(learner.Id, query["email"]!, query["token"]!));
        var moved = await FindAsync("new.learner@example.org");

        Assert.Empty(errors);
        Assert.NotNull(stillOld);
        Assert.Equal("new.learner@example.org", mail.ToAddress);
        Assert.Equal("/account/confirm-email", link.AbsolutePath);
        Assert.True(confirmed.Succeeded, confirmed.Error?.ToString());
        Assert.Equal(("new.learner@example.org", "new.learner@example.org", true), (moved!.Email, moved.UserName, moved.EmailConfirmed));
        Assert.Null(await FindAsync("learner@traininghub.example"));
        Assert.Equal("Account:EmailLinkInvalid", again.Error!.Key);
    }

    [Fact]
    public async Task Taken_same_or_malformed_addresses_and_altered_links_are_refused()
    {
        var learner = (await FindAsync("learner@traininghub.example"))!;
        var service = (Func<string, Task<IReadOnlyList<SharedKernel.Outcomes.FieldError>>>)(email =>
            InScopeAsync(sp => sp.GetRequiredService<EmailChange>().RequestAsync(learner, email)));

        Assert.Equal("Invite:Error:EmailTaken", (await service("mentor@traininghub.example")).Single().Key);
        Assert.Equal("Account:Error:SameEmail", (await service("LEARNER@traininghub.example")).Single().Key);
        Assert.Equal("Invite:Error:EmailInvalid", (await service("no address")).Single().Key);
        var altered = await InScopeAsync(sp => sp.GetRequiredService<EmailChange>().ConfirmAsync(learner.Id, "someone@example.org", "bm90LWEtdG9rZW4"));
        Assert.Equal("Account:EmailLinkInvalid", altered.Error!.Key);
        Assert.NotNull(await FindAsync("learner@traininghub.example"));
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class EmailChangeOnSqlite(SqliteServer server) : EmailChangeTests(server), IClassFixture<SqliteServer>;

public sealed class EmailChangeOnPostgreSql(PostgreSqlServer server) : EmailChangeTests(server), IClassFixture<PostgreSqlServer>;
