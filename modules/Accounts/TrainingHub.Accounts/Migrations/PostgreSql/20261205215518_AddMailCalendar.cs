using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Accounts.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddMailCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                schema: "accounts",
                table: "OutgoingMail",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                schema: "accounts",
                table: "OutgoingMail",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Calendar",
                schema: "accounts",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                schema: "accounts",
                table: "OutgoingMail");
        }
    }
}
