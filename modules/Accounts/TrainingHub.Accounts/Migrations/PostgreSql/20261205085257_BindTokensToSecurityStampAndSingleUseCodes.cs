using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Accounts.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class BindTokensToSecurityStampAndSingleUseCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorStep",
                schema: "accounts",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                schema: "accounts",
                table: "ApiTokens",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastAuthenticatorStep",
                schema: "accounts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                schema: "accounts",
                table: "ApiTokens");
        }
    }
}
