using TrainingHub.SharedKernel.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.SharedKernel.Mail;

public enum MailStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Given up after <see cref="MailDispatcher.MaxAttempts"/> attempts.</summary>
    Failed = 2,
}

/// <summary>
/// An e-mail waiting in a module's outbox. The module saves it in the same transaction as the change
/// that caused it, so a message is never lost and never sent for a change that did not happen.
/// </summary>
public sealed class OutgoingMail : IHasVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>What kind of message this is (for example <c>PasswordReset</c>), for the record and for support.</summary>
    public required string MessageType { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Culture { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public MailStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the dispatcher may next try; also a lease while one node is sending it.</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }

    public Guid Version { get; set; }

    public static OutgoingMail From(ComposedMail mail, DateTime nowUtc) => new()
    {
        MessageType = mail.MessageType,
        ToAddress = mail.ToAddress,
        ToName = mail.ToName,
        Culture = mail.Culture,
        Subject = mail.Subject,
        TextBody = mail.TextBody,
        HtmlBody = mail.HtmlBody,
        CreatedAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
    };
}

public static class MailOutboxModel
{
    /// <summary>
    /// Adds the outbox table to a module's model: in the module's schema on PostgreSQL, and with the module's
    /// name in front on SQLite, where all modules share one file.
    /// </summary>
    public static ModelBuilder AddMailOutbox(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        modelBuilder.Entity<OutgoingMail>(mail =>
        {
            mail.ToTable(database.IsNpgsql() ? "OutgoingMail" : $"{schema}_OutgoingMail");
            // A message's body can carry a sign-in link; the change that caused it is recorded instead.
            mail.NotAudited();
            mail.Property(m => m.MessageType).HasMaxLength(100);
            mail.Property(m => m.ToAddress).HasMaxLength(320);
            mail.Property(m => m.ToName).HasMaxLength(200);
            mail.Property(m => m.Culture).HasMaxLength(10);
            mail.Property(m => m.Subject).HasMaxLength(500);
            mail.Property(m => m.LastError).HasMaxLength(2000);
            mail.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        });
        return modelBuilder;
    }
}
