using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingHub.Accounts.Domain;
using TrainingHub.Accounts.Services;
using TrainingHub.SharedKernel.Persistence;
using TrainingHub.TestKit;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Two app nodes on one PostgreSQL database, each with its own data folder, as behind a load balancer: a sign-in made on
/// one node and an invitation link mailed by one are good on the other, because the keys that protect them are shared.
/// </summary>
public sealed class TwoNodeTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task A_sign_in_and_an_invitation_made_on_one_node_work_on_the_other()
    {
        var database = await server.CreateDatabaseAsync();
        var cookies = new CookieContainer();
        string invitationLink;
        await using (var nodeA = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = database })
        {
            await TrainingHubApp.SignInAsync(nodeA.CreateDefaultClient(new CookieContainerHandler(cookies)), "coordinator@traininghub.example");
            invitationLink = await InviteAsync(nodeA, "nova.osoba@example.org", "Нова Особа");
        }

        await using var nodeB = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = database };
        var signedIn = nodeB.CreateDefaultClient(new CookieContainerHandler(cookies));
        var home = await signedIn.GetAsync("/");
        var invitee = nodeB.CreateBrowserLikeClient();
        var accepted = await TrainingHubApp.PostFormAsync(invitee, invitationLink, "accept-invitation",
            new() { ["Input.Password"] = "Nova-osoba-2026", ["Input.Confirm"] = "Nova-osoba-2026" });

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain("invitation-invalid", await accepted.Content.ReadAsStringAsync());
        await TrainingHubApp.SignInAsync(nodeB.CreateBrowserLikeClient(), "nova.osoba@example.org", "Nova-osoba-2026");
    }

    [Fact]
    public async Task With_a_certificate_the_keys_in_the_database_are_encrypted_and_a_node_holding_it_reads_them()
    {
        var database = await server.CreateDatabaseAsync();
        var certificate = Path.Combine(Path.GetTempPath(), $"traininghub-keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedCertificate("CN=TrainingHub keys", "Keys-2026"));
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "Keys-2026",
        };
        try
        {
            var cookies = new CookieContainer();
            await using (var nodeA = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = database, Settings = settings })
            {
                await TrainingHubApp.SignInAsync(nodeA.CreateDefaultClient(new CookieContainerHandler(cookies)), "coordinator@traininghub.example");
            }
            var keys = await StoredKeysAsync(database);

            await using var nodeB = new TrainingHubApp { Provider = DatabaseProvider.PostgreSql, ConnectionString = database, Settings = settings };
            var home = await nodeB.CreateDefaultClient(new CookieContainerHandler(cookies)).GetAsync("/");

            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.Contains("EncryptedXmlDecryptor", xml);
                Assert.Contains("http://www.w3.org/2001/04/xmlenc#", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    /// <summary>The keys as the database holds them, in the <c>dataprotection</c> schema.</summary>
    private static async Task<List<string>> StoredKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Xml\" FROM dataprotection.\"Keys\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    /// <summary>A PKCS #12 file with an RSA key, as an operator would make one with openssl.</summary>
    private static byte[] SelfSignedCertificate(string subject, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return made.Export(X509ContentType.Pfx, password);
    }

    /// <summary>What an invitation mails: a link with a single-use token for a person without a password yet.</summary>
    private static async Task<string> InviteAsync(TrainingHubApp node, string email, string fullName)
    {
        using var scope = node.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var person = new ApplicationUser { UserName = email, Email = email, FullName = fullName };
        Assert.True((await users.CreateAsync(person)).Succeeded);
        var token = await users.GenerateUserTokenAsync(person, Invitations.TokenProvider, Invitations.TokenPurpose);
        return $"/account/accept-invitation?userId={person.Id}&token={LinkToken.Encode(token)}";
    }
}
