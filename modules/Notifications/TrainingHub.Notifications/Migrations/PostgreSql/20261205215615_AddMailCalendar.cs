using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Notifications.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddMailCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                schema: "notifications",
                table: "OutgoingMail",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                schema: "notifications",
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
                schema: "notifications",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                schema: "notifications",
                table: "OutgoingMail");
        }
    }
}
