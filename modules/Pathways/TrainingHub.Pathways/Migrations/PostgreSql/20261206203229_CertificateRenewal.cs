using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Pathways.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class CertificateRenewal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RenewalCourseId",
                schema: "pathways",
                table: "Stages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RenewalCpdHours",
                schema: "pathways",
                table: "Stages",
                type: "numeric(7,2)",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RenewedAt",
                schema: "pathways",
                table: "Certificates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RenewedById",
                schema: "pathways",
                table: "Certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RenewedWithId",
                schema: "pathways",
                table: "Certificates",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RenewalCourseId",
                schema: "pathways",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "RenewalCpdHours",
                schema: "pathways",
                table: "Stages");

            migrationBuilder.DropColumn(
                name: "RenewedAt",
                schema: "pathways",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RenewedById",
                schema: "pathways",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "RenewedWithId",
                schema: "pathways",
                table: "Certificates");
        }
    }
}
