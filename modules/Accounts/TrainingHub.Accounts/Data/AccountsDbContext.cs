using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TrainingHub.Accounts.Domain;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Accounts.Data;

internal abstract class AccountsDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options)
{
    public const string Schema = "accounts";

    /// <summary>Role claims of this type hold the role's permissions.</summary>
    public const string PermissionClaimType = "permission";

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<KnownPermission> KnownPermissions => Set<KnownPermission>();

    public DbSet<PositionType> PositionTypes => Set<PositionType>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>().Property(u => u.FullName).HasMaxLength(200);
        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.PreferredCulture).HasMaxLength(10);
            user.Property(u => u.FullNameLatin).HasMaxLength(200);
            user.HasIndex(u => u.HomeUnitId);
            user.Property(u => u.SearchText).HasMaxLength(401).NotAudited();
            user.Property(u => u.NormalizedEmail).NotAudited();
            user.Property(u => u.NormalizedUserName).NotAudited();
            user.HasOne<PositionType>().WithMany().HasForeignKey(u => u.PositionTypeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PositionType>(type =>
        {
            type.Property(t => t.Code).HasMaxLength(50);
            type.HasIndex(t => t.Code).IsUnique();
            type.Property(t => t.NameUk).HasMaxLength(100);
            type.Property(t => t.NameEn).HasMaxLength(100);
        });
        builder.Entity<RoleAssignment>(assignment =>
        {
            assignment.HasIndex(a => new { a.UserId, a.RoleId, a.UnitId }).IsUnique();
            assignment.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            assignment.HasOne<ApplicationRole>().WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Cascade);
        });
        // Sign-in and reset tokens are secrets; the audit trail records the sign-ins instead.
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().NotAudited();
        builder.Entity<ApplicationRole>().Property(r => r.NormalizedName).NotAudited();
        builder.Entity<KnownPermission>(permission =>
        {
            permission.NotAudited();
            permission.HasKey(p => p.Name);
            permission.Property(p => p.Name).HasMaxLength(200);
        });
        builder.Entity<ApiToken>(token =>
        {
            token.Property(t => t.Name).HasMaxLength(Services.ApiTokens.NameMaxLength);
            token.Property(t => t.SecretHash).HasMaxLength(64);
            // Touched at most once a minute while a token is used; creating and revoking it are what the trail needs.
            token.Property(t => t.LastUsedAtUtc).NotAudited();
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.AddMailOutbox(Database, Schema);
        builder.AddIntegrationEventOutbox(Database, Schema);
        builder.AddIntegrationEventInbox(Database, Schema);
        builder.ApplyModuleConventions(Database, Schema);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<ApplicationUser>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.RefreshSearchText();
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

internal sealed class AccountsSqliteDbContext(DbContextOptions<AccountsSqliteDbContext> options) : AccountsDbContext(options);

internal sealed class AccountsPostgreSqlDbContext(DbContextOptions<AccountsPostgreSqlDbContext> options) : AccountsDbContext(options);

internal sealed class AccountsSqliteDesignFactory()
    : DesignTimeDbContextFactory<AccountsSqliteDbContext>(DatabaseProvider.Sqlite, AccountsDbContext.Schema);

internal sealed class AccountsPostgreSqlDesignFactory()
    : DesignTimeDbContextFactory<AccountsPostgreSqlDbContext>(DatabaseProvider.PostgreSql, AccountsDbContext.Schema);
