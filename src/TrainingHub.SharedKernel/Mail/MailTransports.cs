using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.SharedKernel.Mail;

/// <summary>Hands one message to the outside world; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

internal static class MimeMessages
{
    /// <summary>Both parts, and a Message-Id made from the outbox id so a repeated hand-over is recognisable.</summary>
    public static MimeMessage Create(OutgoingMail mail, MailOptions options)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = $"{mail.Id:N}@traininghub",
            Body = Body(mail),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.ToAddress));
        message.Headers.Add("Content-Language", mail.Culture);
        return message;
    }

    /// <summary>
    /// Text and HTML; with a calendar, also a text/calendar alternative (what Outlook and Google Calendar act on) and the
    /// same object as an .ics attachment for everything else.
    /// </summary>
    private static MimeEntity Body(OutgoingMail mail)
    {
        if (mail.Calendar is not { } calendar)
        {
            return new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        }
        var method = mail.CalendarMethod ?? "REQUEST";
        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = mail.TextBody },
            new TextPart("html") { Text = mail.HtmlBody },
        };
        var inline = new TextPart("calendar") { Text = calendar, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        inline.ContentType.Parameters.Add("method", method);
        inline.ContentType.Charset = "utf-8";
        alternative.Add(inline);
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(calendar))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = method == "CANCEL" ? "cancel.ics" : "invite.ics",
        };
        return new Multipart("mixed") { alternative, attachment };
    }
}

internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            // "Auto" goes on in clear when the server offers no TLS: a password must not, so then TLS is required.
            _ when smtp.HasCredentials => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (smtp.HasCredentials)
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(MimeMessages.Create(mail, settings), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>With no SMTP server configured, messages become .eml files in the data folder's mail/ folder.</summary>
internal sealed class PickupFolderMailTransport(IOptions<MailOptions> options, DataFolder dataFolder) : IMailTransport
{
    public string Folder => Path.Combine(dataFolder.Path, "mail");

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{mail.CreatedAtUtc:yyyyMMdd-HHmmss}-{mail.Id:N}.eml");
        // Written aside and then moved into place, so that nobody ever opens a half-written message.
        var partial = path + ".partial";
        await MimeMessages.Create(mail, options.Value).WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
