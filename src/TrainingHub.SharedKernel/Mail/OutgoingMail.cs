using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrainingHub.SharedKernel.Outbox;

namespace TrainingHub.SharedKernel.Mail;

/// <summary>
/// An e-mail waiting in a module's outbox. The module saves it in the same transaction as the change
/// that caused it, so a message is never lost and never sent for a change that did not happen.
/// </summary>
public sealed class OutgoingMail : OutboxRecord
{
    /// <summary>What kind of message this is (for example <c>PasswordReset</c>), for the record and for support.</summary>
    public required string MessageType { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Culture { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>
    /// An iCalendar object sent with the message (an invitation, its update or cancellation), both as the calendar part
    /// mail programs act on and as an .ics attachment; null for an ordinary message.
    /// </summary>
    public string? Calendar { get; set; }

    /// <summary>The iCalendar method of <see cref="Calendar"/>: <c>REQUEST</c> or <c>CANCEL</c>.</summary>
    public string? CalendarMethod { get; set; }

    /// <summary>Sends <paramref name="calendar"/> along with the message.</summary>
    public OutgoingMail WithCalendar(string calendar, string method)
    {
        Calendar = calendar;
        CalendarMethod = method;
        return this;
    }

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
    /// <summary>Adds the mail outbox table to a module's model.</summary>
    public static ModelBuilder AddMailOutbox(this ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        modelBuilder.Entity<OutgoingMail>(mail =>
        {
            // Out of the audit trail also because a message's body can carry a sign-in link.
            mail.ToOutboxTable(database, schema, "OutgoingMail");
            mail.Property(m => m.MessageType).HasMaxLength(100);
            mail.Property(m => m.ToAddress).HasMaxLength(320);
            mail.Property(m => m.ToName).HasMaxLength(200);
            mail.Property(m => m.Culture).HasMaxLength(10);
            mail.Property(m => m.Subject).HasMaxLength(500);
            mail.Property(m => m.CalendarMethod).HasMaxLength(20);
        });
        return modelBuilder;
    }
}
