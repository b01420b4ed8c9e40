using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.Audit.Services;
using TrainingHub.Organisations;
using TrainingHub.Organisations.Contracts;
using TrainingHub.Organisations.Data;
using TrainingHub.Organisations.Services;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Audit.Tests;

/// <summary>
/// What the audit trail records of the modules' saves and how an administrator reads it, on both databases.
/// The acting person is the test user, as the signed-in person is in the app.
/// </summary>
public abstract class AuditTrailTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await ModuleTestHost.StartAsync(server, [new AuditModule(), new OrganisationsModule(), new AccountsModule()]);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private TestUser ActAsAdministrator() => _host.User.Holding(
        new PermissionGrant(OrganisationPermissions.UnitsView, null),
        new PermissionGrant(OrganisationPermissions.UnitsEdit, null),
        new PermissionGrant(AuditPermissions.View, null));

    private async Task<Guid> CreateUnitAsync(UnitType type, string name, Guid? parentId = null)
    {
        var result = await _host.Get<OrganisationTree>().CreateAsync(new UnitInput
        {
            Type = type,
            Name = name,
            ParentId = parentId,
            Kind = type == UnitType.Organisation ? OrganisationKind.SocialServiceCentre : null,
        });
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value;
    }

    private async Task<IReadOnlyList<AuditRow>> ReadAsync(AuditQuery query)
    {
        var result = await _host.Get<AuditLog>().SearchAsync(query, new PageRequest(0, 200));
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value.Items;
    }

    [Fact]
    public async Task Creating_changing_and_deleting_a_unit_records_who_did_what_to_which_fields()
    {
        ActAsAdministrator();
        var oblast = await CreateUnitAsync(UnitType.Oblast, "Волинська область");
        var tree = _host.Get<OrganisationTree>();
        var details = (await tree.GetAsync(oblast)).Value;
        var editable = UnitInput.From(details);
        editable.Name = "Волинська обл.";
        editable.Population = 1_000_000;
        Assert.True((await tree.UpdateAsync(oblast, editable, details.Version)).Succeeded);
        Assert.True((await tree.DeleteAsync(oblast, (await tree.GetAsync(oblast)).Value.Version)).Succeeded);

        var rows = await ReadAsync(new AuditQuery(EntityId: oblast.ToString()));

        Assert.Equal([AuditActions.Deleted, AuditActions.Changed, AuditActions.Created], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("test@traininghub.example", r.ActorName));
        Assert.All(rows, r => Assert.Equal(("Organisations", "OrganisationUnit"), (r.Module, r.EntityType)));
        var created = rows[2];
        Assert.Contains(created.Changes, c => c is { Field: "Name", From: null, To: "Волинська область" });
        var changed = rows[1];
        Assert.Equal(["Name", "Population"], changed.Changes.Select(c => c.Field).Order());
        Assert.Contains(changed.Changes, c => c is { Field: "Name", From: "Волинська область", To: "Волинська обл." });
        Assert.Contains(changed.Changes, c => c is { Field: "Population", To: "1000000" });
        Assert.DoesNotContain(rows.SelectMany(r => r.Changes), c => c.Field is "Version" or "NormalizedName");
        Assert.Contains(rows[0].Changes, c => c is { Field: "Name", From: "Волинська обл.", To: null });
    }

    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_trail()
    {
        ActAsAdministrator();
        var users = _host.Get<UserManager<Accounts.Domain.ApplicationUser>>();
        var person = new Accounts.Domain.ApplicationUser { UserName = "olena@example.org", Email = "olena@example.org", FullName = "Олена Петренко" };
        Assert.True((await users.CreateAsync(person, "First-secret-2026")).Succeeded);
        Assert.True((await users.ChangePasswordAsync(person, "First-secret-2026", "Second-secret-2026")).Succeeded);
        var resetToken = await users.GeneratePasswordResetTokenAsync(person);
        await users.SetAuthenticationTokenAsync(person, "Test", "Api", "token-value-that-must-not-leak");

        var rows = await ReadAsync(new AuditQuery(EntityId: person.Id.ToString()));
        var everything = string.Join("\n", (await ReadAsync(new AuditQuery())).SelectMany(r => r.Changes).Select(c => $"{c.Field}={c.From}->{c.To}"));

        Assert.Contains(rows, r => r.Action == AuditActions.Created && r.Changes.Any(c => c is { Field: "FullName", To: "Олена Петренко" }));
        var passwordChange = Assert.Single(rows, r => r.Action == AuditActions.Changed && r.Changes.Any(c => c.Field == "PasswordHash"));
        Assert.All(passwordChange.Changes.Where(c => c.Field is "PasswordHash" or "SecurityStamp"), c => Assert.True(c is { Redacted: true, From: null, To: null }));
        Assert.DoesNotContain(person.PasswordHash!, everything);
        Assert.DoesNotContain("token-value-that-must-not-leak", everything);
        Assert.DoesNotContain(resetToken, everything);
        Assert.DoesNotContain("Second-secret-2026", everything);
    }

    [Fact]
    public async Task Changes_rolled_back_with_their_transaction_leave_no_entry()
    {
        ActAsAdministrator();
        await using (var db = _host.Get<IDbContextFactory<OrganisationsDbContext>>().CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Units.Add(new Organisations.Domain.OrganisationUnit { Type = UnitType.Oblast, Name = "Тимчасова", NormalizedName = "ТИМЧАСОВА" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        await using (var db = _host.Get<IDbContextFactory<OrganisationsDbContext>>().CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Units.Add(new Organisations.Domain.OrganisationUnit { Type = UnitType.Oblast, Name = "Постійна", NormalizedName = "ПОСТІЙНА" });
            await db.SaveChangesAsync();
            Assert.Empty(await ReadAsync(new AuditQuery(EntityType: "OrganisationUnit")));
            await transaction.CommitAsync();
        }

        var rows = await ReadAsync(new AuditQuery(EntityType: "OrganisationUnit"));

        var only = Assert.Single(rows);
        Assert.Contains(only.Changes, c => c is { Field: "Name", To: "Постійна" });
    }

    [Fact]
    public async Task Entries_cannot_be_changed_or_deleted_neither_through_the_app_nor_in_the_database()
    {
        ActAsAdministrator();
        await CreateUnitAsync(UnitType.Oblast, "Рівненська область");
        var factory = _host.Get<IDbContextFactory<AuditDbContext>>();

        await using (var db = factory.CreateDbContext())
        {
            var entry = await db.Entries.FirstAsync();
            db.Entries.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        await using (var db = factory.CreateDbContext())
        {
            var table = server.Provider == SharedKernel.Persistence.DatabaseProvider.PostgreSql ? "audit.\"AuditEntries\"" : "\"AuditEntries\"";
            var update = "UPDATE " + table + " SET \"ActorName\" = 'someone else'";
            var delete = "DELETE FROM " + table;
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(update));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(delete));
        }

        var rows = await ReadAsync(new AuditQuery(EntityType: "OrganisationUnit"));
        Assert.Equal("test@traininghub.example", Assert.Single(rows).ActorName);
    }

    [Fact]
    public async Task Filters_by_unit_include_everything_under_it_and_combine_with_person_action_and_time()
    {
        ActAsAdministrator();
        var volyn = await CreateUnitAsync(UnitType.Oblast, "Волинська область");
        var lutsk = await CreateUnitAsync(UnitType.Hromada, "Луцька міська громада", volyn);
        var rivne = await CreateUnitAsync(UnitType.Oblast, "Рівненська область");

        var underVolyn = await ReadAsync(new AuditQuery(UnitId: volyn));
        var byOthers = await ReadAsync(new AuditQuery(Person: "somebody else"));
        var byMe = await ReadAsync(new AuditQuery(Person: "TEST@traininghub", Action: AuditActions.Created));
        var bySystem = await ReadAsync(new AuditQuery(Action: AuditActions.Created, EntityType: "PositionType"));
        var future = await ReadAsync(new AuditQuery(FromUtc: DateTime.UtcNow.AddHours(1)));

        Assert.Equal(new[] { lutsk.ToString(), volyn.ToString() }.Order(), underVolyn.Select(r => r.EntityId).Order());
        Assert.Empty(byOthers);
        Assert.Equal(3, byMe.Count);
        Assert.All(bySystem, r => Assert.Null(r.ActorName));
        Assert.NotEmpty(bySystem);
        Assert.Empty(future);
        Assert.DoesNotContain(underVolyn, r => r.EntityId == rivne.ToString());
    }

    [Fact]
    public async Task A_reader_granted_the_trail_at_one_oblast_sees_only_what_happened_there_and_others_see_nothing()
    {
        ActAsAdministrator();
        var volyn = await CreateUnitAsync(UnitType.Oblast, "Волинська область");
        var lutsk = await CreateUnitAsync(UnitType.Hromada, "Луцька міська громада", volyn);
        await CreateUnitAsync(UnitType.Oblast, "Рівненська область");

        _host.User.Holding(new PermissionGrant(AuditPermissions.View, volyn));
        var inVolyn = await ReadAsync(new AuditQuery());
        _host.User.Holding(new PermissionGrant(OrganisationPermissions.UnitsEdit, null));
        var refused = await _host.Get<AuditLog>().SearchAsync(new AuditQuery(), new PageRequest());

        Assert.Equal(new[] { lutsk.ToString(), volyn.ToString() }.Order(), inVolyn.Select(r => r.EntityId).Order());
        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
    }
}

public sealed class AuditTrailOnSqlite(SqliteServer server) : AuditTrailTests(server), IClassFixture<SqliteServer>;

public sealed class AuditTrailOnPostgreSql(PostgreSqlServer server) : AuditTrailTests(server), IClassFixture<PostgreSqlServer>;
