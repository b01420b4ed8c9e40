using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.Audit.Contracts;
using TrainingHub.Audit.Data;
using TrainingHub.Audit.Services;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Audit.Tests;

/// <summary>A supervisor's note on a session: its title is ordinary, what was said is sensitive.</summary>
public sealed class SessionNote
{
    public Guid Id { get; set; } = Guid.NewGuid();

    [OrdinaryData]
    public Guid PersonId { get; set; }

    [OrdinaryData]
    public required string Title { get; set; }

    [SensitiveData]
    public required string Notes { get; set; }
}

/// <summary>A person's answer in an anonymous check-in round.</summary>
[AnonymousData]
public sealed class CheckInAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RoundId { get; set; }

    public int Score { get; set; }
}

public sealed class JournalDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "journal";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionNote>().ToTable(Database.IsNpgsql() ? "SessionNotes" : "journal_SessionNotes");
        modelBuilder.Entity<CheckInAnswer>().ToTable(Database.IsNpgsql() ? "CheckInAnswers" : "journal_CheckInAnswers");
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

/// <summary>A module keeping sensitive and anonymous records, as supervision and wellbeing will.</summary>
public sealed class JournalModule : TrainingHubModule
{
    public override string Name => "Journal";

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<JournalDbContext, JournalDbContext, JournalDbContext>(JournalDbContext.Schema);
        services.AddSingleton<IModuleInitializer, CreateTables>();
    }

    private sealed class CreateTables(IDbContextFactory<JournalDbContext> dbFactory) : IModuleInitializer
    {
        public async Task InitialiseAsync(CancellationToken cancellationToken)
        {
            await using var db = dbFactory.CreateDbContext();
            await db.CreateTablesOnceAsync(cancellationToken);
        }
    }
}

/// <summary>The audit trail records that a sensitive field changed but never its value, and nothing of anonymous records.</summary>
public abstract class DataClassAuditTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private const string Said = "Каже, що не спить ночами після виїздів";
    private const string SaidLater = "Спить краще, бере вихідний щотижня";
    private ModuleTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new AuditModule(), new OrganisationsModule(), new JournalModule()]);
        _host.User.Holding(new PermissionGrant(AuditPermissions.View, null));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private JournalDbContext Journal() => _host.Get<IDbContextFactory<JournalDbContext>>().CreateDbContext();

    private async Task<IReadOnlyList<AuditRow>> ReadAsync(AuditQuery query)
    {
        var result = await _host.Get<AuditLog>().SearchAsync(query, new PageRequest(0, 200));
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value.Items;
    }

    /// <summary>Every value the trail's table holds, read past the audit page.</summary>
    private async Task<List<string>> StoredValuesAsync()
    {
        await using var db = _host.Get<IDbContextFactory<AuditDbContext>>().CreateDbContext();
        var changes = await db.Entries.Where(e => e.Changes != null).Select(e => e.Changes!).ToListAsync();
        return [.. changes.SelectMany(c => JsonSerializer.Deserialize<List<AuditFieldChange>>(c, JsonSerializerOptions.Web)!)
            .SelectMany(c => new[] { c.From, c.To }).OfType<string>()];
    }

    [Fact]
    public async Task A_sensitive_field_is_recorded_as_changed_without_either_value()
    {
        var note = new SessionNote { PersonId = Guid.NewGuid(), Title = "Супервізія 12 травня", Notes = Said };
        await using (var db = Journal())
        {
            db.Add(note);
            await db.SaveChangesAsync();
            note.Notes = SaidLater;
            await db.SaveChangesAsync();
        }

        var rows = await ReadAsync(new AuditQuery(EntityId: note.Id.ToString()));

        Assert.Equal([AuditActions.Changed, AuditActions.Created], rows.Select(r => r.Action));
        var changed = Assert.Single(rows[0].Changes);
        Assert.Equal(("Notes", null, null, true), (changed.Field, changed.From, changed.To, changed.Redacted));
        Assert.Contains(rows[1].Changes, c => c is { Field: "Title", To: "Супервізія 12 травня" });
        Assert.Contains(rows[1].Changes, c => c is { Field: "Notes", From: null, To: null, Redacted: true });
        var stored = await StoredValuesAsync();
        Assert.Contains(stored, c => c.Contains("Супервізія 12 травня"));
        Assert.DoesNotContain(stored, c => c.Contains("спить", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_anonymous_record_leaves_no_entity_change_in_the_trail()
    {
        var answer = new CheckInAnswer { RoundId = Guid.NewGuid(), Score = 2 };
        await using (var db = Journal())
        {
            db.Add(answer);
            await db.SaveChangesAsync();
            answer.Score = 4;
            await db.SaveChangesAsync();
            db.Remove(answer);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await ReadAsync(new AuditQuery(EntityType: nameof(CheckInAnswer))));
        Assert.Empty(await ReadAsync(new AuditQuery(EntityId: answer.Id.ToString())));
    }
}

public sealed class DataClassAuditOnSqlite(SqliteServer server) : DataClassAuditTests(server), IClassFixture<SqliteServer>;

public sealed class DataClassAuditOnPostgreSql(PostgreSqlServer server) : DataClassAuditTests(server), IClassFixture<PostgreSqlServer>;
