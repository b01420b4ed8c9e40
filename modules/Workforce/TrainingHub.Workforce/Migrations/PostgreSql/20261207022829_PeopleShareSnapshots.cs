using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Workforce.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PeopleShareSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Certified",
                schema: "workforce",
                table: "Snapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CertifiedAsked",
                schema: "workforce",
                table: "Snapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfileAsked",
                schema: "workforce",
                table: "Snapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfileMet",
                schema: "workforce",
                table: "Snapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Supervised",
                schema: "workforce",
                table: "Snapshots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupervisionAsked",
                schema: "workforce",
                table: "Snapshots",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Certified",
                schema: "workforce",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "CertifiedAsked",
                schema: "workforce",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ProfileAsked",
                schema: "workforce",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ProfileMet",
                schema: "workforce",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Supervised",
                schema: "workforce",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "SupervisionAsked",
                schema: "workforce",
                table: "Snapshots");
        }
    }
}
