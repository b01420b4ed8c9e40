using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.TestKit;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>What the sending side publishes when it sends a parcel.</summary>
[IntegrationEvent("Tests.ParcelSent")]
public sealed record ParcelSent(Guid ParcelId, string Label);

public sealed class Parcel
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Label { get; set; }
}

/// <summary>What the receiving side keeps of each parcel it heard of.</summary>
public sealed class Receipt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ParcelId { get; set; }

    public required string Label { get; set; }
}

/// <summary>The sending module's context: its parcels and its outbox, in a schema of its own.</summary>
public sealed class SenderDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "sender";

    public DbSet<Parcel> Parcels => Set<Parcel>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Parcel>().ToTable(Database.IsNpgsql() ? "Parcels" : "sender_Parcels");
        modelBuilder.AddIntegrationEventOutbox(Database, Schema);
        modelBuilder.AddMailOutbox(Database, Schema);
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

/// <summary>The receiving module's context: its receipts and its inbox.</summary>
public sealed class ReceiverDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "receiver";

    public DbSet<Receipt> Receipts => Set<Receipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Receipt>().ToTable(Database.IsNpgsql() ? "Receipts" : "receiver_Receipts");
        modelBuilder.AddIntegrationEventInbox(Database, Schema);
        modelBuilder.ApplyModuleConventions(Database, Schema);
    }
}

/// <summary>Fails as many times as a test asks, then succeeds; counts the calls and lets a test act during each.</summary>
public sealed class HandlerFaults
{
    public int FailuresLeft { get; set; }

    public Func<Task>? WhileHandling { get; set; }

    private int _calls;

    public int Calls => _calls;

    public void Called() => Interlocked.Increment(ref _calls);
}

/// <summary>Writes a receipt and records the delivery in the same save, as a module's handler should.</summary>
public sealed class ReceiptWriter(IDbContextFactory<ReceiverDbContext> dbFactory, HandlerFaults faults) : IIntegrationEventHandler<ParcelSent>
{
    public async Task HandleAsync(ParcelSent integrationEvent, IntegrationEventDelivery delivery, CancellationToken cancellationToken)
    {
        faults.Called();
        if (faults.WhileHandling is { } meanwhile)
        {
            await meanwhile();
        }
        if (faults.FailuresLeft > 0)
        {
            faults.FailuresLeft--;
            throw new InvalidOperationException("The receiving database is not reachable.");
        }
        await using var db = dbFactory.CreateDbContext();
        db.Receipts.Add(new Receipt { ParcelId = integrationEvent.ParcelId, Label = integrationEvent.Label });
        db.MarkProcessed(delivery);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Two modules in one: a sender of parcels and a receiver that keeps a receipt of each.</summary>
public sealed class ParcelPostModule : TrainingHubModule
{
    public override string Name => "ParcelPost";

    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<SenderDbContext, SenderDbContext, SenderDbContext>(SenderDbContext.Schema);
        services.AddModuleDbContext<ReceiverDbContext, ReceiverDbContext, ReceiverDbContext>(ReceiverDbContext.Schema);
        services.AddIntegrationEventOutbox<SenderDbContext>();
        services.AddMailOutbox<SenderDbContext>();
        services.AddIntegrationEventHandler<ParcelSent, ReceiptWriter, ReceiverDbContext>();
        services.AddSingleton<IModuleInitializer, CreateTables>();
    }

    /// <summary>The fixture has no migrations: its tables are made from the model, once per database.</summary>
    private sealed class CreateTables(IDbContextFactory<SenderDbContext> senders, IDbContextFactory<ReceiverDbContext> receivers) : IModuleInitializer
    {
        public async Task InitialiseAsync(CancellationToken cancellationToken)
        {
            await using var sender = senders.CreateDbContext();
            await using var receiver = receivers.CreateDbContext();
            await sender.CreateTablesOnceAsync(cancellationToken);
            await receiver.CreateTablesOnceAsync(cancellationToken);
        }
    }
}
