using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts.Data;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.TestKit;

namespace TrainingHub.Accounts.Tests;

/// <summary>Personal API tokens: shown once, kept as a hash, and refused once expired, revoked or their person deactivated.</summary>
public abstract class ApiTokenTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule()],
            replace: services => services.AddSingleton<TimeProvider>(_clock));
        await AddPersonAsync(_host.User.Id, "me@traininghub.example");
        _host.User.Holding();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private ApiTokens Tokens => _host.Get<ApiTokens>();

    private async Task AddPersonAsync(Guid id, string email)
    {
        using var scope = _host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var created = await users.CreateAsync(new ApplicationUser { Id = id, UserName = email, Email = email, FullName = email });
        Assert.True(created.Succeeded);
    }

    private async Task<ApiToken> StoredAsync(Guid id)
    {
        await using var db = _host.Services.GetRequiredService<IDbContextFactory<AccountsDbContext>>().CreateDbContext();
        return await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    [Fact]
    public async Task A_new_token_is_shown_once_and_only_its_hash_is_stored()
    {
        var issued = (await Tokens.CreateAsync("Monthly report", 90)).Value;

        var stored = await StoredAsync(issued.Id);
        var listed = Assert.Single(await Tokens.ListMineAsync());
        Assert.StartsWith("thk_", issued.Secret);
        Assert.True(issued.Secret.Length >= 40, "the secret carries at least 256 random bits");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret))), stored.SecretHash);
        Assert.DoesNotContain(issued.Secret["thk_".Length..], stored.SecretHash + stored.Name);
        Assert.Equal(("Monthly report", _clock.GetUtcNow().UtcDateTime.AddDays(90), (DateTime?)null),
            (listed.Name, listed.ExpiresAtUtc, listed.LastUsedAtUtc));
        Assert.DoesNotContain(typeof(ApiTokenRow).GetProperties(), p => p.Name.Contains("Secret"));
    }

    [Fact]
    public async Task Two_tokens_never_share_a_secret()
    {
        var first = (await Tokens.CreateAsync("One", 30)).Value;
        var second = (await Tokens.CreateAsync("Two", 30)).Value;

        Assert.NotEqual(first.Secret, second.Secret);
    }

    [Fact]
    public async Task A_token_signs_its_person_in_and_records_when_it_was_used()
    {
        var issued = (await Tokens.CreateAsync("Script", 30)).Value;

        var person = await Tokens.AuthenticateAsync(issued.Secret);
        var firstUse = (await StoredAsync(issued.Id)).LastUsedAtUtc;
        _clock.Advance(TimeSpan.FromHours(3));
        await Tokens.AuthenticateAsync(issued.Secret);
        var laterUse = (await StoredAsync(issued.Id)).LastUsedAtUtc;

        Assert.Equal(_host.User.Id, person!.Id);
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), firstUse);
        Assert.Equal(new DateTime(2026, 11, 23, 12, 0, 0), laterUse);
        Assert.Equal(laterUse, (await Tokens.ListMineAsync()).Single().LastUsedAtUtc);
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        var issued = (await Tokens.CreateAsync("Short", 30)).Value;

        _clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        var lastMinute = await Tokens.AuthenticateAsync(issued.Secret);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await Tokens.AuthenticateAsync(issued.Secret);

        Assert.NotNull(lastMinute);
        Assert.Null(expired);
        Assert.False((await Tokens.ListMineAsync()).Single().IsUsable(_clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var issued = (await Tokens.CreateAsync("Leaked", 365)).Value;
        Assert.NotNull(await Tokens.AuthenticateAsync(issued.Secret));

        var revoked = await Tokens.RevokeAsync(issued.Id);

        Assert.True(revoked.Succeeded);
        Assert.Null(await Tokens.AuthenticateAsync(issued.Secret));
        Assert.True((await Tokens.ListMineAsync()).Single().IsRevoked);
    }

    [Fact]
    public async Task The_token_of_a_deactivated_person_is_refused()
    {
        var issued = (await Tokens.CreateAsync("Script", 90)).Value;
        using (var scope = _host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var me = (await users.FindByIdAsync(_host.User.Id.ToString()))!;
            me.IsActive = false;
            await users.UpdateAsync(me);
        }

        Assert.Null(await Tokens.AuthenticateAsync(issued.Secret));
    }

    [Fact]
    public async Task Unknown_or_malformed_tokens_are_refused()
    {
        var issued = (await Tokens.CreateAsync("Script", 90)).Value;

        Assert.Null(await Tokens.AuthenticateAsync(issued.Secret[..^1] + (issued.Secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await Tokens.AuthenticateAsync(issued.Secret["thk_".Length..]));
        Assert.Null(await Tokens.AuthenticateAsync(""));
    }

    [Fact]
    public async Task A_person_sees_and_revokes_only_their_own_tokens()
    {
        var someoneElse = Guid.NewGuid();
        await AddPersonAsync(someoneElse, "other@traininghub.example");
        var theirs = (await Tokens.IssueAsync(someoneElse, "Theirs", 30)).Value;
        await Tokens.CreateAsync("Mine", 30);

        var revoked = await Tokens.RevokeAsync(theirs.Id);

        Assert.Equal(["Mine"], (await Tokens.ListMineAsync()).Select(t => t.Name));
        Assert.Equal(ErrorKind.NotFound, revoked.Error!.Kind);
        Assert.NotNull(await Tokens.AuthenticateAsync(theirs.Secret));
    }

    [Fact]
    public async Task A_token_needs_a_name_and_lasts_at_most_a_year()
    {
        var unnamed = await Tokens.CreateAsync("  ", 30);
        var tooLong = await Tokens.CreateAsync("Forever", 366);

        Assert.Equal("ApiTokens:Error:NameRequired", unnamed.Error!.ErrorFor("Name"));
        Assert.Equal("ApiTokens:Error:Lifetime", tooLong.Error!.ErrorFor("LifetimeDays"));
        Assert.Empty(await Tokens.ListMineAsync());
    }
}

public sealed class ApiTokensOnSqlite(SqliteServer server) : ApiTokenTests(server), IClassFixture<SqliteServer>;

public sealed class ApiTokensOnPostgreSql(PostgreSqlServer server) : ApiTokenTests(server), IClassFixture<PostgreSqlServer>;
