using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Notifications.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddMailCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "notifications_OutgoingMail",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                table: "notifications_OutgoingMail",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "notifications_OutgoingMail");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                table: "notifications_OutgoingMail");
        }
    }
}
