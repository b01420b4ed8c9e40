using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.SharedKernel.Security;

/// <summary>
/// Where the keys that protect sign-in cookies, antiforgery tokens and links in e-mail are kept. On PostgreSQL they are
/// in the database, so that whatever one node protects another can read; on SQLite, which one node alone uses, they stay
/// in the data folder beside the database. With <c>DataProtection:CertificatePath</c> set, the keys are encrypted with
/// that certificate wherever they are kept.
/// </summary>
internal static class KeyRing
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("TrainingHub");
        if (configuration[$"{Section}:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            protection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration[$"{Section}:CertificatePassword"]));
        }
        services.AddSingleton(sp => ModuleDbContextOptions.Build<KeyRingDbContext>(
            DatabaseProvider.PostgreSql, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!, KeyRingDbContext.Schema,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddScoped<KeyRingDbContext>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingStorage>();
        services.AddSingleton<IModuleInitializer, MigrateKeyRing>();
        return services;
    }

    private sealed class KeyRingStorage(IOptions<DatabaseOptions> database, DataFolder dataFolder, IServiceProvider services, ILoggerFactory loggers)
        : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options) =>
            options.XmlRepository = database.Value.Provider == DatabaseProvider.PostgreSql
                ? new EntityFrameworkCoreXmlRepository<KeyRingDbContext>(services, loggers)
                : new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(dataFolder.Path, "keys")), loggers);
    }

    /// <summary>Creates the key table before anything is protected.</summary>
    private sealed class MigrateKeyRing(IOptions<DatabaseOptions> database, IServiceScopeFactory scopes) : IDatabaseMigration
    {
        public async Task InitialiseAsync(CancellationToken cancellationToken)
        {
            if (database.Value.Provider != DatabaseProvider.PostgreSql || !database.Value.MigrateOnStartup)
            {
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KeyRingDbContext>().Database.MigrateAsync(cancellationToken);
        }
    }
}

/// <summary>The data-protection keys on PostgreSQL, in a schema of their own; never audited, as they are secrets.</summary>
internal sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "dataprotection";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<DataProtectionKey>().ToTable("Keys");
    }
}

internal sealed class KeyRingDesignFactory() : DesignTimeDbContextFactory<KeyRingDbContext>(DatabaseProvider.PostgreSql, KeyRingDbContext.Schema);
